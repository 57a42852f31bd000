/**
 * Builds the XML WeCom posts to a callback URL, from plain fields. Used by the offline sandbox and tests to
 * produce callbacks indistinguishable from real ones (same tags, CDATA where WeCom uses it).
 */

export interface TextMessageXmlFields {
  /** ToUserName: the CorpID. */
  toUser: string;
  fromUser: string;
  /** Unix seconds. */
  createTime: number;
  content: string;
  /** Usually a decimal string beyond Number precision. */
  msgId: string;
  agentId: number;
}

export interface CardClickXmlFields {
  toUser: string;
  fromUser: string;
  createTime: number;
  eventKey: string;
  taskId: string;
  responseCode: string;
  agentId: number;
  /** Defaults to button_interaction, the only interactive card the bot sends. */
  cardType?: string;
  /** What was ticked on a vote, selection or multiple-choice card, per question. */
  selectedItems?: { questionKey: string; optionIds: string[] }[];
}

export interface EventXmlFields {
  toUser: string;
  fromUser: string;
  createTime: number;
  /** enter_agent, subscribe, ... */
  event: string;
  eventKey?: string;
  agentId: number;
}

export interface EnvelopeXmlFields {
  toUser: string;
  agentId: number;
  encrypted: string;
}

export function buildTextMessageXml(f: TextMessageXmlFields): string {
  return (
    `<xml><ToUserName>${cdata(f.toUser)}</ToUserName><FromUserName>${cdata(f.fromUser)}</FromUserName>` +
    `<CreateTime>${int(f.createTime)}</CreateTime><MsgType>${cdata('text')}</MsgType>` +
    `<Content>${cdata(f.content)}</Content><MsgId>${msgIdXml(f.msgId)}</MsgId><AgentID>${int(f.agentId)}</AgentID></xml>`
  );
}

export function buildCardClickXml(f: CardClickXmlFields): string {
  return (
    `<xml><ToUserName>${cdata(f.toUser)}</ToUserName><FromUserName>${cdata(f.fromUser)}</FromUserName>` +
    `<CreateTime>${int(f.createTime)}</CreateTime><MsgType>${cdata('event')}</MsgType>` +
    `<Event>${cdata('template_card_event')}</Event><EventKey>${cdata(f.eventKey)}</EventKey>` +
    `<TaskId>${cdata(f.taskId)}</TaskId><CardType>${cdata(f.cardType ?? 'button_interaction')}</CardType>` +
    `<ResponseCode>${cdata(f.responseCode)}</ResponseCode><AgentID>${int(f.agentId)}</AgentID>${selectedItemsXml(f.selectedItems)}</xml>`
  );
}

function selectedItemsXml(items: CardClickXmlFields['selectedItems']): string {
  if (!items || items.length === 0) return '';
  const each = items.map(
    (i) => `<SelectedItem><QuestionKey>${cdata(i.questionKey)}</QuestionKey><OptionIds>${i.optionIds.map((o) => `<OptionId>${cdata(o)}</OptionId>`).join('')}</OptionIds></SelectedItem>`,
  );
  return `<SelectedItems>${each.join('')}</SelectedItems>`;
}

export function buildEventXml(f: EventXmlFields): string {
  return (
    `<xml><ToUserName>${cdata(f.toUser)}</ToUserName><FromUserName>${cdata(f.fromUser)}</FromUserName>` +
    `<CreateTime>${int(f.createTime)}</CreateTime><MsgType>${cdata('event')}</MsgType>` +
    `<AgentID>${int(f.agentId)}</AgentID><Event>${cdata(f.event)}</Event><EventKey>${cdata(f.eventKey ?? '')}</EventKey></xml>`
  );
}

/** The outer POST body; AgentID is CDATA here, unlike inside the message. */
export function buildEnvelopeXml(f: EnvelopeXmlFields): string {
  return (
    `<xml><ToUserName>${cdata(f.toUser)}</ToUserName><AgentID>${cdata(String(int(f.agentId)))}</AgentID>` +
    `<Encrypt>${cdata(f.encrypted)}</Encrypt></xml>`
  );
}

// "]]>" cannot appear inside CDATA; split it across two sections, which parsers join again.
function cdata(value: string): string {
  return `<![CDATA[${value.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

function int(value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new TypeError(`not a non-negative integer: ${value}`);
  return value;
}

// Numeric ids go out plain as WeCom sends them; anything else needs CDATA to stay intact.
function msgIdXml(value: string): string {
  if (value.length === 0) throw new TypeError('msgId must be non-empty');
  return /^\d+$/.test(value) ? value : cdata(value);
}
