/** A message for one person, queued in the transaction that caused it and sent after it commits. */
export type OutboundKind = 'text' | 'markdown' | 'template_card' | 'update_card';

export interface OutboundMessage {
  /** Unique per message forever: the same key queued twice is one message. */
  key: string;
  toUser: string;
  kind: OutboundKind;
  payload: Record<string, unknown>;
  notBefore?: Date;
}
