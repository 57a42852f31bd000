/**
 * The 否定报备 card (R6): a button_interaction template_card for the leader who decides a refusal
 * filing, and the same card in each later state. An update replaces the whole card, so every state
 * is a full card that shows the case and the real outcome, with `replace_text` instead of live buttons.
 */
import type { TimeLimitClass } from '../../domain/time-limit-class.ts';
import { CLASS_ZH, formatDeadline, formatInstant } from '../format.ts';
import { assertValidCard, CARD_LIMITS, fit } from './validate-card.ts';

/** Who a card is for: the supervising leader, or the principal leader after an escalation. */
export type CardRole = 'leader' | 'principal';

/** The button keys; the task_id already names the filing, so the key only names the choice. */
export const REFUSAL_KEYS = { approve: 'approve', overturn: 'overturn', escalate: 'escalate' } as const;
export type RefusalKey = (typeof REFUSAL_KEYS)[keyof typeof REFUSAL_KEYS];

export interface RefusalCardView {
  taskId: string;
  role: CardRole;
  caseNo: number;
  applicant: string;
  matter: string;
  cls: TimeLimitClass;
  receivedAt: Date;
  dueAt: Date | null;
  reason: string;
  filerName: string;
  leaderName: string;
  /** The supervising leader's note when escalating (principal's card only). */
  escalationNote?: string | null;
  now: Date;
}

export type RefusalCardState =
  | { kind: 'open' }
  /** 予以纠正 was tapped: the leader still owes the instruction as a text reply. */
  | { kind: 'awaiting_instruction' }
  | { kind: 'escalated'; principalName: string; at: Date }
  | { kind: 'approved'; byName: string; at: Date; noticeDueAt: Date | null }
  | { kind: 'overturned'; byName: string; at: Date; instruction: string | null }
  | { kind: 'lapsed' };

export function buildRefusalCard(v: RefusalCardView, state: RefusalCardState): Record<string, unknown> {
  const card: Record<string, unknown> = {
    card_type: 'button_interaction',
    source: { desc: '效能助手', desc_color: 0 },
    main_title: {
      title: fit(`不予办理报备 #${v.caseNo}${v.role === 'principal' ? '（上报）' : ''}`, CARD_LIMITS.mainTitle),
      desc: fit(v.role === 'principal' ? `分管领导${v.leaderName}提交您决定` : `${v.filerName}提交，请您决定`, CARD_LIMITS.mainTitleDesc),
    },
    sub_title_text: fit(`理由：${v.reason}`, CARD_LIMITS.subTitle),
    horizontal_content_list: [
      item('当事人', v.applicant),
      item('事由', v.matter),
      item('类别', CLASS_ZH[v.cls]),
      item('受理', formatInstant(v.receivedAt)),
      item('期限', v.dueAt ? formatDeadline(v.dueAt, v.now) : '未定'),
      item('报备人', v.filerName),
    ],
    task_id: v.taskId,
    button_list: buttonsFor(v.role),
  };
  const quote = quoteFor(v, state);
  if (quote) card['quote_area'] = { type: 0, title: quote.title, quote_text: fit(quote.text, CARD_LIMITS.quoteText) };
  const replace = REPLACE_TEXT[state.kind];
  if (replace) card['replace_text'] = replace;
  assertValidCard(card);
  return card;
}

function buttonsFor(role: CardRole): Record<string, unknown>[] {
  const buttons: { text: string; style: number; key: RefusalKey }[] = [
    { text: '同意不予办理', style: 1, key: REFUSAL_KEYS.approve },
    { text: '予以纠正', style: 2, key: REFUSAL_KEYS.overturn },
  ];
  // The principal is the top: nobody further up to send it to.
  if (role === 'leader') buttons.push({ text: '提交主要负责人', style: 3, key: REFUSAL_KEYS.escalate });
  return buttons;
}

/** The grey, non-clickable button of each settled state; the open card keeps its live buttons. */
const REPLACE_TEXT: Record<RefusalCardState['kind'], string | null> = {
  open: null,
  awaiting_instruction: '待回复纠正意见',
  escalated: '已提交主要负责人',
  approved: '已同意不予办理',
  overturned: '已予以纠正',
  lapsed: '无需再决定',
};

function quoteFor(v: RefusalCardView, s: RefusalCardState): { title: string; text: string } | null {
  switch (s.kind) {
    case 'open':
      return v.escalationNote ? { title: '分管领导说明', text: v.escalationNote } : null;
    case 'awaiting_instruction':
      return { title: '请回复纠正意见', text: `请回复“纠正 #${v.caseNo} 意见”，意见将发送承办人继续办理。` };
    case 'escalated':
      return { title: '处理结果', text: `${formatInstant(s.at)} 已提交主要负责人${s.principalName}决定。` };
    case 'approved': {
      const due = s.noticeDueAt ? `；须在 ${formatDeadline(s.noticeDueAt, v.now)} 前书面告知当事人` : '';
      return { title: '处理结果', text: `${s.byName} ${formatInstant(s.at)} 同意不予办理${due}。` };
    }
    case 'overturned':
      return { title: '处理结果', text: `${s.byName} ${formatInstant(s.at)} 予以纠正${s.instruction ? `：${s.instruction}` : '。'}` };
    case 'lapsed':
      return { title: '处理结果', text: '此报备已无需决定。' };
  }
}

function item(keyname: string, value: string): { keyname: string; value: string } {
  return { keyname, value: fit(value.trim() || '—', CARD_LIMITS.value) };
}
