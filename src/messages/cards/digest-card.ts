/**
 * The morning digest as one card per person: every item due today or overdue (and what is due next,
 * and for heads what waits on a leader), a button to open each of the first ones (查 #no), and 我的待办
 * for all. The same digest as text goes out should WeCom refuse the card.
 */
import { digestLine, digestTitle, SECTION_TITLES, type DigestView } from '../reminder-replies.ts';
import { assertValidCard, CARD_LIMITS, fit } from './validate-card.ts';

/** `show:<no>` opens a case (查 #no); `todo` lists everything (待办). */
export const DIGEST_KEYS = { showPrefix: 'show:', todo: 'todo' } as const;

const SECTIONS = ['overdue', 'due_today', 'due_next', 'awaiting'] as const;

export function buildDigestCard(taskId: string, view: DigestView, names: ReadonlyMap<string, string>, now: Date): Record<string, unknown> {
  const items = SECTIONS.flatMap((s) => view[s].map((c) => ({ section: s, c })));
  const counts = SECTIONS.filter((s) => view[s].length > 0).map((s) => `${SECTION_TITLES[s]} ${view[s].length} 件`);
  // Six rows at most: the first five items, then how many more.
  const shown = items.length > CARD_LIMITS.horizontalItems ? items.slice(0, CARD_LIMITS.horizontalItems - 1) : items;
  const rows = shown.map(({ section, c }) => ({ keyname: fit(SECTION_TITLES[section], CARD_LIMITS.keyname), value: fit(digestLine(c, names, now, 8), CARD_LIMITS.value) }));
  if (shown.length < items.length) rows.push({ keyname: '更多', value: `另有 ${items.length - shown.length} 件，请点“我的待办”` });
  const buttons = shown.slice(0, CARD_LIMITS.buttons - 1).map(({ c }) => ({ text: fit(`查看 #${c.no}`, CARD_LIMITS.buttonText), style: 2, key: `${DIGEST_KEYS.showPrefix}${c.no}` }));
  const card: Record<string, unknown> = {
    card_type: 'button_interaction',
    source: { desc: '效能助手', desc_color: view.overdue.length > 0 ? 2 : 0 },
    main_title: { title: digestTitle(now), desc: fit(counts.join('，'), CARD_LIMITS.mainTitleDesc) },
    horizontal_content_list: rows,
    quote_area: { type: 0, title: '也可发送命令', quote_text: view.awaiting.length === items.length ? '查看详情请发送：查 #编号' : '办结请发送：办结 #编号 办理结果' },
    task_id: taskId,
    button_list: [...buttons, { text: '我的待办', style: 1, key: DIGEST_KEYS.todo }],
  };
  assertValidCard(card);
  return card;
}
