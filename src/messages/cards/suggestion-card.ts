/**
 * The card that offers the 登记 a plain sentence seemed to mean (张三来电咨询…): the facts as the bot
 * read them, the command itself (to copy and edit), and buttons to confirm or dismiss. Nothing is
 * registered until the clerk confirms, and a used card shows what became of it instead of buttons.
 */
import type { Channel } from '../../domain/case/case.ts';
import type { TimeLimitClass } from '../../domain/time-limit-class.ts';
import { CHANNEL_ZH, CLASS_ZH } from '../format.ts';
import { assertValidCard, CARD_LIMITS, fit } from './validate-card.ts';

export const SUGGESTION_KEYS = { confirm: 'confirm', edit: 'edit', dismiss: 'dismiss' } as const;

export interface SuggestedRegistration {
  channel?: Channel;
  category: { kind: 'class'; cls: TimeLimitClass } | { kind: 'service'; ref: string };
  applicant: string;
  phone?: string;
  matter: string;
}

export type SuggestionCardState = 'open' | 'confirmed' | 'edited' | 'dismissed';

export function buildSuggestionCard(taskId: string, commandText: string, r: SuggestedRegistration, state: SuggestionCardState): Record<string, unknown> {
  const card: Record<string, unknown> = {
    card_type: 'button_interaction',
    source: { desc: '效能助手', desc_color: 0 },
    main_title: { title: '要登记这件事吗？', desc: fit('按您的消息整理如下，请核对后确认', CARD_LIMITS.mainTitleDesc) },
    horizontal_content_list: [
      item('当事人', r.applicant),
      ...(r.phone ? [item('电话', r.phone)] : []),
      item('渠道', r.channel ? CHANNEL_ZH[r.channel] : '—'),
      item('类别', r.category.kind === 'class' ? CLASS_ZH[r.category.cls] : r.category.ref),
      item('事由', r.matter),
    ],
    quote_area: { type: 0, title: '对应命令', quote_text: fit(commandText, CARD_LIMITS.quoteText) },
    task_id: taskId,
    button_list: [
      { text: '确认登记', style: 1, key: SUGGESTION_KEYS.confirm },
      { text: '修改后发送', style: 2, key: SUGGESTION_KEYS.edit },
      { text: '不用了', style: 2, key: SUGGESTION_KEYS.dismiss },
    ],
  };
  if (state !== 'open') card['replace_text'] = REPLACE_TEXT[state];
  assertValidCard(card);
  return card;
}

const REPLACE_TEXT: Record<Exclude<SuggestionCardState, 'open'>, string> = {
  confirmed: '已确认登记',
  edited: '已改为手动发送',
  dismissed: '未登记',
};

export const SUGGESTION_REPLIES = {
  /** 修改后发送: the command to copy, change and send. */
  edit: (commandText: string) => `请复制下面的命令，修改后发送：\n${commandText}`,
  dismissed: '好的，未登记。',
  alreadyUsed: (state: Exclude<SuggestionCardState, 'open'>) =>
    state === 'confirmed' ? '这张卡片已确认登记过，未重复登记。发送“待办”可查看。' : '这张卡片已处理过，未作更改。',
  notYours: '这张卡片是发给其他同事的，您不能操作，未作更改。',
} as const;

function item(keyname: string, value: string): { keyname: string; value: string } {
  return { keyname, value: fit(value.trim() || '—', CARD_LIMITS.value) };
}
