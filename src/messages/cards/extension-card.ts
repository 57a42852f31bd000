/**
 * The 延期 card (限时办结制): a button_interaction template_card for the supervising leader who decides
 * an extension request, and the same card in each later state (an update replaces the whole card).
 */
import type { TimeLimitClass } from '../../domain/time-limit-class.ts';
import { CLASS_ZH, formatDeadline, formatInstant } from '../format.ts';
import { assertValidCard, CARD_LIMITS, fit } from './validate-card.ts';

/** The button keys; the task_id already names the request. */
export const EXTENSION_KEYS = { approve: 'approve_extension', refuse: 'refuse_extension' } as const;

/** Stable per request (a retried transaction cannot send a second card) and unique per app thanks to the installation id. */
/** Stored on the request once drawn; the nonce keeps ids unique after a restore reuses request ids. */
export function extensionTaskId(installation: string, extensionId: number, nonce: string): string {
  return `xn-${installation}-ex${extensionId}-${nonce}-leader`;
}

export interface ExtensionCardView {
  taskId: string;
  caseNo: number;
  applicant: string;
  matter: string;
  cls: TimeLimitClass;
  receivedAt: Date;
  dueAt: Date;
  /** The deadline if approved. */
  proposedDueAt: Date;
  days: number;
  reason: string;
  requesterName: string;
  now: Date;
}

export type ExtensionCardState =
  | { kind: 'open' }
  | { kind: 'approved'; byName: string; at: Date; newDueAt: Date }
  | { kind: 'refused'; byName: string; at: Date; note: string | null }
  /** Nothing left to decide: the deadline passed, or the case is no longer being handled. */
  | { kind: 'closed'; why: string };

const REPLACE_TEXT: Record<ExtensionCardState['kind'], string | null> = { open: null, approved: '已同意延期', refused: '已不同意延期', closed: '无需再决定' };

export function buildExtensionCard(v: ExtensionCardView, state: ExtensionCardState): Record<string, unknown> {
  const card: Record<string, unknown> = {
    card_type: 'button_interaction',
    source: { desc: '效能助手', desc_color: 0 },
    main_title: { title: fit(`延期申请 #${v.caseNo}：${v.days} 个工作日`, CARD_LIMITS.mainTitle), desc: fit(`${v.requesterName}提交，请您决定`, CARD_LIMITS.mainTitleDesc) },
    sub_title_text: fit(`理由：${v.reason}`, CARD_LIMITS.subTitle),
    horizontal_content_list: [
      item('当事人', v.applicant),
      item('事由', v.matter),
      item('类别', CLASS_ZH[v.cls]),
      item('受理', formatInstant(v.receivedAt)),
      item('原期限', formatDeadline(v.dueAt, v.now)),
      item('延至', formatDeadline(v.proposedDueAt, v.now)),
    ],
    task_id: v.taskId,
    button_list: [
      { text: '同意延期', style: 1, key: EXTENSION_KEYS.approve },
      { text: '不同意', style: 2, key: EXTENSION_KEYS.refuse },
    ],
  };
  const quote = quoteFor(v, state);
  if (quote) card['quote_area'] = { type: 0, title: '处理结果', quote_text: fit(quote, CARD_LIMITS.quoteText) };
  const replace = REPLACE_TEXT[state.kind];
  if (replace) card['replace_text'] = replace;
  assertValidCard(card);
  return card;
}

function quoteFor(v: ExtensionCardView, s: ExtensionCardState): string | null {
  switch (s.kind) {
    case 'open':
      return null;
    case 'approved':
      return `${s.byName} ${formatInstant(s.at)} 同意延期，办理期限改为 ${formatDeadline(s.newDueAt, v.now)}。`;
    case 'refused':
      return `${s.byName} ${formatInstant(s.at)} 不同意延期${s.note ? `：${s.note}` : '。'}`;
    case 'closed':
      return s.why;
  }
}

function item(keyname: string, value: string): { keyname: string; value: string } {
  return { keyname, value: fit(value.trim() || '—', CARD_LIMITS.value) };
}
