import { z } from 'zod';
import { cleanText } from '../shared/clean-text.ts';

/**
 * A staff member's text message to the app. `msgId` is kept as a string: it is usually a 64-bit integer
 * (beyond Number precision), and WxJava has seen base64-like MsgIds too.
 */
export interface InboundText {
  kind: 'text';
  msgId: string;
  fromUser: string;
  createTime: number;
  content: string;
  agentId: number;
}

/** A click on a template card button (Event=template_card_event). */
export interface InboundCardClick {
  kind: 'card_click';
  fromUser: string;
  createTime: number;
  eventKey: string;
  taskId: string;
  cardType: string;
  /** Single-use code for one update_template_card call on this user's copy of the card. */
  responseCode: string;
  agentId: number;
}

/** A click on an item of the app's menu (Event=click): its EventKey names what to run. */
export interface InboundMenuClick {
  kind: 'menu_click';
  fromUser: string;
  createTime: number;
  eventKey: string;
  agentId: number;
}

/** Everything else (enter_agent, subscribe, images, ...): acknowledged and deduplicated, not interpreted. */
export interface InboundOther {
  kind: 'other';
  fromUser: string;
  createTime: number;
  msgType: string;
  event?: string;
  agentId?: number;
  dedupeKey: string;
}

/**
 * 通讯录 change (Event=change_contact, 96302), on the contacts callback. Since 2022-08-15 it carries
 * only ids (UserID, Department / Id): the details are fetched with user/get and department/list.
 */
export interface InboundContactChange {
  kind: 'contact_change';
  fromUser: string;
  createTime: number;
  changeType: string;
  userId?: string;
  newUserId?: string;
  /** Department id of a create_party/update_party/delete_party. */
  departmentId?: number;
}

/** An 审批 form changed state (Event=sys_approval_change, 91815): fetch it with getapprovaldetail. */
export interface InboundApprovalChange {
  kind: 'approval_change';
  fromUser: string;
  createTime: number;
  spNo: string;
  spStatus: number;
  templateId: string;
  applicant?: string;
}

export type InboundMessage = InboundText | InboundCardClick | InboundMenuClick | InboundContactChange | InboundApprovalChange | InboundOther;

const digits = z.string().regex(/^\d+$/);
const nonEmpty = z.string().min(1);
/** What a person typed, without control characters or bidi overrides (src/shared/clean-text.ts). */
const typed = z.string().transform(cleanText);
/** WeCom's MsgId is a 64-bit unsigned number: up to 20 digits, at most 2^64 − 1. */
const msgId = z
  .string()
  .regex(/^\d{1,20}$/)
  .refine((v) => BigInt(v) <= 0xffffffffffffffffn, 'beyond 64 bits');
/** Userids are short (up to 64 bytes per the docs); a longer one is not WeCom's. */
const userid = z.string().min(1).max(64).transform(cleanText).pipe(z.string().min(1));
const integer = digits.transform(Number);

const commonFields = {
  FromUserName: userid,
  CreateTime: integer,
  MsgType: nonEmpty,
};

const rawText = z.object({
  ...commonFields,
  Content: typed,
  MsgId: msgId,
  AgentID: integer,
});

const rawCardClick = z.object({
  ...commonFields,
  Event: z.literal('template_card_event'),
  EventKey: nonEmpty,
  TaskId: nonEmpty,
  CardType: nonEmpty,
  ResponseCode: nonEmpty,
  AgentID: integer,
});

const rawMenuClick = z.object({
  ...commonFields,
  Event: z.literal('click'),
  EventKey: nonEmpty,
  AgentID: integer,
});

const rawOther = z.object({
  ...commonFields,
  Event: z.string().optional(),
  MsgId: msgId.optional(),
  // Empty or odd AgentID on an uninterpreted message is not worth rejecting the whole callback.
  AgentID: z.string().optional(),
});

const optionalUserid = z.string().max(64).transform(cleanText).optional();
const rawContactChange = z.object({
  ...commonFields,
  ChangeType: z.string().min(1).max(64),
  UserID: optionalUserid,
  NewUserID: optionalUserid,
  Id: integer.optional(),
});

const rawApprovalChange = z.object({
  ...commonFields,
  ApprovalInfo: z
    .object({
      SpNo: z.string().regex(/^\d{1,32}$/).optional(),
      SpNoStr: z.string().regex(/^\d{1,32}$/).optional(),
      SpStatus: integer,
      TemplateId: z.string().min(1).max(128),
      Applyer: z.object({ UserId: optionalUserid }).optional(),
    })
    .refine((i) => i.SpNo !== undefined || i.SpNoStr !== undefined, 'SpNo missing'),
});

/**
 * Turn the fields of a decrypted `<xml>` (tag name → string) into a typed message.
 * Throws a ZodError when a field the kind needs is missing or has the wrong shape.
 */
export function toInboundMessage(fields: Record<string, unknown>): InboundMessage {
  if (fields['MsgType'] === 'text') {
    const r = rawText.parse(fields);
    return { kind: 'text', msgId: r.MsgId, fromUser: r.FromUserName, createTime: r.CreateTime, content: r.Content, agentId: r.AgentID };
  }
  if (fields['MsgType'] === 'event' && fields['Event'] === 'template_card_event') {
    const r = rawCardClick.parse(fields);
    return {
      kind: 'card_click',
      fromUser: r.FromUserName,
      createTime: r.CreateTime,
      eventKey: r.EventKey,
      taskId: r.TaskId,
      cardType: r.CardType,
      responseCode: r.ResponseCode,
      agentId: r.AgentID,
    };
  }
  if (fields['MsgType'] === 'event' && fields['Event'] === 'click') {
    const r = rawMenuClick.parse(fields);
    return { kind: 'menu_click', fromUser: r.FromUserName, createTime: r.CreateTime, eventKey: r.EventKey, agentId: r.AgentID };
  }
  if (fields['MsgType'] === 'event' && fields['Event'] === 'change_contact') {
    const r = rawContactChange.parse(fields);
    return {
      kind: 'contact_change',
      fromUser: r.FromUserName,
      createTime: r.CreateTime,
      changeType: r.ChangeType,
      ...(r.UserID !== undefined && { userId: r.UserID }),
      ...(r.NewUserID !== undefined && { newUserId: r.NewUserID }),
      ...(r.Id !== undefined && { departmentId: r.Id }),
    };
  }
  if (fields['MsgType'] === 'event' && fields['Event'] === 'sys_approval_change') {
    const r = rawApprovalChange.parse(fields);
    const info = r.ApprovalInfo;
    return {
      kind: 'approval_change',
      fromUser: r.FromUserName,
      createTime: r.CreateTime,
      // SpNoStr (2025) is the string form of SpNo; either names the form.
      spNo: info.SpNoStr ?? info.SpNo ?? '',
      spStatus: info.SpStatus,
      templateId: info.TemplateId,
      ...(info.Applyer?.UserId !== undefined && { applicant: info.Applyer.UserId }),
    };
  }
  const r = rawOther.parse(fields);
  const agentId = r.AgentID !== undefined && /^\d+$/.test(r.AgentID) ? Number(r.AgentID) : undefined;
  const partial = { fromUser: r.FromUserName, createTime: r.CreateTime, msgType: r.MsgType, event: r.Event, msgId: r.MsgId };
  return {
    kind: 'other',
    fromUser: r.FromUserName,
    createTime: r.CreateTime,
    msgType: r.MsgType,
    ...(r.Event !== undefined && { event: r.Event }),
    ...(agentId !== undefined && { agentId }),
    dedupeKey: otherDedupeKey(partial),
  };
}

/**
 * The inbox key that makes a WeCom retry of the same delivery a no-op. Messages carry a MsgId; events only
 * sender + CreateTime (per the docs), so card clicks add TaskId, EventKey and the ResponseCode WeCom issues
 * for each click: a retry repeats the code, a second tap within the same second has a new one.
 */
export function dedupeKeyOf(msg: InboundMessage): string {
  switch (msg.kind) {
    case 'text':
      return `msg:${msg.msgId}`;
    case 'card_click':
      return `card:${msg.fromUser}:${msg.createTime}:${msg.taskId}:${msg.eventKey}:${msg.responseCode}`;
    case 'menu_click':
      return `menu:${msg.fromUser}:${msg.createTime}:${msg.eventKey}`;
    // System events share a sender (sys) and often a second: their own ids tell them apart.
    case 'contact_change':
      return `contact:${msg.createTime}:${msg.changeType}:${msg.userId ?? ''}:${msg.newUserId ?? ''}:${msg.departmentId ?? ''}`;
    case 'approval_change':
      return `approval:${msg.spNo}:${msg.spStatus}`;
    case 'other':
      return msg.dedupeKey;
  }
}

function otherDedupeKey(m: { fromUser: string; createTime: number; msgType: string; event?: string; msgId?: string }): string {
  if (m.msgId !== undefined) return `msg:${m.msgId}`;
  return `evt:${m.fromUser}:${m.createTime}:${m.event ?? m.msgType}`;
}

/** Validates a normalized message read back from storage (e.g. an inbox row's JSON). */
export const inboundMessageSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('text'),
    msgId: nonEmpty,
    fromUser: nonEmpty,
    createTime: z.number().int(),
    content: z.string(),
    agentId: z.number().int(),
  }),
  z.object({
    kind: z.literal('card_click'),
    fromUser: nonEmpty,
    createTime: z.number().int(),
    eventKey: nonEmpty,
    taskId: nonEmpty,
    cardType: nonEmpty,
    responseCode: nonEmpty,
    agentId: z.number().int(),
  }),
  z.object({
    kind: z.literal('menu_click'),
    fromUser: nonEmpty,
    createTime: z.number().int(),
    eventKey: nonEmpty,
    agentId: z.number().int(),
  }),
  z.object({
    kind: z.literal('contact_change'),
    fromUser: nonEmpty,
    createTime: z.number().int(),
    changeType: nonEmpty,
    userId: z.string().optional(),
    newUserId: z.string().optional(),
    departmentId: z.number().int().optional(),
  }),
  z.object({
    kind: z.literal('approval_change'),
    fromUser: nonEmpty,
    createTime: z.number().int(),
    spNo: nonEmpty,
    spStatus: z.number().int(),
    templateId: nonEmpty,
    applicant: z.string().optional(),
  }),
  z.object({
    kind: z.literal('other'),
    fromUser: nonEmpty,
    createTime: z.number().int(),
    msgType: nonEmpty,
    event: z.string().optional(),
    agentId: z.number().int().optional(),
    dedupeKey: nonEmpty,
  }),
]);
