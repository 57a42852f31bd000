/**
 * The card of one case for the person who handles it: the reply to 登记 and each reminder. It shows
 * the case's facts, buttons for the next steps that need no typing (办结 of a consultation with the
 * standard answer, 补齐, 待办), links to the workbench form for those that need input (办结 with a
 * result, 补正 with materials, 转办, 延期, 拒绝), and the typed command as before for whoever prefers
 * it. A closed case's card shows its outcome instead of buttons.
 */
import type { ServiceInfo } from '../../domain/org/org-records.ts';
import { isActive, isOverdue, type CaseRecord } from '../../domain/case/case.ts';
import { caseLabel, deadlineLine, DEEMED_WARNING, dueInList, PROVISIONAL_NOTE } from '../case-replies.ts';
import { STATUS_ZH, nameOf } from '../format.ts';
import { assertValidCard, CARD_LIMITS, fit } from './validate-card.ts';

/** Callback keys of the case card's buttons. */
export const CASE_CARD_KEYS = { finish: 'finish', complete: 'complete', todo: 'todo', show: 'show' } as const;

/** The workbench form of each action that needs input: `${PUBLIC_BASE_URL}/app/cases/<no>/<action>`. */
export type CaseFormAction = 'finish' | 'materials' | 'transfer' | 'extend' | 'refuse';

export function caseFormUrl(publicBaseUrl: string, no: number, action: CaseFormAction): string {
  return `${publicBaseUrl}/app/cases/${no}/${action}`;
}

/** 办结 by a tap on a consultation's card: the answer was given, as the standard result says. */
export const STANDARD_CONSULTATION_RESULT = '已答复当事人咨询';

export interface CaseCardView {
  case: CaseRecord;
  service: ServiceInfo | null;
  names: ReadonlyMap<string, string>;
  now: Date;
  publicBaseUrl: string;
  /** The title: what happened (a reminder's heading); default the registration's `已登记 #no（…）`. */
  title?: string;
}

type Button = { text: string; style: number; key: string } | { text: string; style: number; type: 1; url: string };

export function buildCaseCard(taskId: string, v: CaseCardView): Record<string, unknown> {
  const c = v.case;
  const phone = c.phone ? ` ${c.phone}` : '';
  const handler = `${nameOf(v.names, c.handler)}${c.handler === c.firstResponder ? '（首问责任人）' : ''}`;
  const notes = [deadlineLine(c, v.now), ...(c.dueProvisional && isActive(c.status) ? [PROVISIONAL_NOTE] : [])];
  if (c.cls === 'instruction' && isActive(c.status) && !notes[0]!.includes(DEEMED_WARNING)) notes.push(DEEMED_WARNING);
  const card: Record<string, unknown> = {
    card_type: 'button_interaction',
    source: { desc: '效能助手', desc_color: isOverdue(c, v.now) ? 2 : 0 },
    main_title: { title: fit(v.title ?? `已登记 #${c.no}（${caseLabel(c, v.service)}）`, CARD_LIMITS.mainTitle), desc: fit(`${STATUS_ZH[c.status]}${isOverdue(c, v.now) ? '（已超期）' : ''}`, CARD_LIMITS.mainTitleDesc) },
    sub_title_text: fit(notes.join('\n'), CARD_LIMITS.subTitle),
    horizontal_content_list: [
      item('当事人', `${c.applicant}${phone}`),
      item('事由', c.matter),
      item('承办人', handler),
      item('期限', dueInList(c, v.now)),
      ...(c.result ? [item('结果', c.result)] : []),
    ],
    quote_area: { type: 0, title: '也可发送命令', quote_text: fit(typedHint(c), CARD_LIMITS.quoteText) },
    task_id: taskId,
    button_list: buttonsFor(c, v.publicBaseUrl),
  };
  if (!isActive(c.status)) card['replace_text'] = fit(STATUS_ZH[c.status], CARD_LIMITS.replaceText);
  assertValidCard(card);
  return card;
}

/** The typed command, as the text reply said it (clients without cards, and people who prefer typing). */
export function typedHint(c: CaseRecord): string {
  if (c.status === 'AWAITING_MATERIALS') return `材料补齐后请发送：补齐 #${c.no}`;
  if (c.status === 'OPEN') return `办结请发送：办结 #${c.no} 办理结果`;
  return `查看详情请发送：查 #${c.no}`;
}

function buttonsFor(c: CaseRecord, base: string): Button[] {
  const link = (text: string, action: CaseFormAction): Button => ({ text, style: 2, type: 1, url: caseFormUrl(base, c.no, action) });
  const todo: Button = { text: '我的待办', style: 2, key: CASE_CARD_KEYS.todo };
  if (c.status === 'OPEN' && c.cls === 'consultation') {
    return [{ text: '已答复，办结', style: 1, key: CASE_CARD_KEYS.finish }, link('填写结果办结', 'finish'), link('补正材料', 'materials'), link('转办', 'transfer'), todo];
  }
  if (c.status === 'OPEN') return [link('填写结果办结', 'finish'), link('补正材料', 'materials'), link('转办', 'transfer'), link('申请延期', 'extend'), link('不予办理', 'refuse'), todo];
  if (c.status === 'AWAITING_MATERIALS') return [{ text: '材料已补齐', style: 1, key: CASE_CARD_KEYS.complete }, link('填写结果办结', 'finish'), link('转办', 'transfer'), todo];
  return [{ text: '查看详情', style: 2, key: CASE_CARD_KEYS.show }, todo];
}

function item(keyname: string, value: string): { keyname: string; value: string } {
  return { keyname, value: fit(value.trim() || '—', CARD_LIMITS.value) };
}

export const CASE_CARD_REPLIES = {
  notYours: '这张卡片是发给其他同事的，您不能操作，未作更改。',
  unknownButton: (no: number) => `#${no} 卡片上没有这个按钮，未作更改。发送“查 #${no}”可查看详情。`,
} as const;
