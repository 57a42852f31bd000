/**
 * The words of the office's key-task table (重点工作任务分解表) and of 进展, as src/key-tasks and
 * src/bot/commands read them: column headers and the names offices use for them, how dates and
 * milestones are written, and the progress words.
 */

/** The columns of the table, by their name in the code. */
export const KEY_TASK_COLUMNS = ['seq', 'title', 'leadLeader', 'department', 'owner', 'partners', 'deadline', 'milestones'] as const;
export type KeyTaskColumn = (typeof KEY_TASK_COLUMNS)[number];

/** Each column's own header: how errors name it. */
export const KEY_TASK_COLUMN_NAMES: Readonly<Record<KeyTaskColumn, string>> = {
  seq: '序号',
  title: '重点工作任务',
  leadLeader: '牵头领导',
  department: '责任部室',
  owner: '责任人',
  partners: '配合部室',
  deadline: '完成时限',
  milestones: '阶段目标',
};

/**
 * Headers found in real tables for the same columns (after spaces, line breaks and a note in
 * brackets such as “（年月日）” are taken out of the header).
 */
export const KEY_TASK_HEADER_WORDS: Readonly<Record<KeyTaskColumn, readonly string[]>> = {
  seq: ['序号', '编号'],
  title: ['重点工作任务', '重点任务', '工作任务', '任务名称', '任务'],
  leadLeader: ['牵头领导', '分管领导', '责任领导'],
  department: ['责任部室', '责任部门', '责任处室', '责任科室', '牵头部室', '牵头部门'],
  owner: ['责任人', '具体责任人'],
  partners: ['配合部室', '配合部门', '配合处室', '协办部室'],
  deadline: ['完成时限', '完成时间', '完成期限', '时限'],
  milestones: ['阶段目标', '阶段性目标', '时间节点', '节点目标', '进度安排'],
};

/** A note in brackets after a header: 完成时限（年月日）. */
export const HEADER_NOTE = /[（(][^）)]*[）)]/gu;

/** The table's year in its title row: “2026年重点工作任务分解表”. */
export const TABLE_YEAR = /((?:19|20)\d{2})\s*年/u;

/** Between the departments of 配合部室 (and the people of a cell that names several). */
export const LIST_SEPARATORS = /[、，,;；\n]+/u;

/** Between the milestones of one 阶段目标 cell: one a line (a ；also ends one). */
export const MILESTONE_SEPARATORS = /[\n;；]+/u;

/**
 * A date at the start of a text, as offices write them; each with which parts it gives. `end`
 * marks 月底 / 年底 (the month's or the year's last day). Tried in order; the first that matches
 * and is not followed by more of a date wins.
 */
export const SHEET_DATE_FORMS: readonly { pattern: RegExp; parts: 'ymd' | 'md' | 'ym_end' | 'm_end' | 'y_end' | 'end_of_year' }[] = [
  { pattern: /^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?/u, parts: 'ymd' },
  { pattern: /^((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})/u, parts: 'ymd' },
  { pattern: /^((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)/u, parts: 'ymd' },
  { pattern: /^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*[底末]/u, parts: 'ym_end' },
  { pattern: /^((?:19|20)\d{2})\s*年\s*[底末]/u, parts: 'y_end' },
  { pattern: /^(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?/u, parts: 'md' },
  { pattern: /^(\d{1,2})\s*月\s*[底末]/u, parts: 'm_end' },
  { pattern: /^(\d{1,2})[-/.](\d{1,2})(?!\d)/u, parts: 'md' },
  { pattern: /^年\s*[底末]/u, parts: 'end_of_year' },
];

/** What may not follow a date for it to be whole: “1.6月30日” is item 1, not 1 June. */
export const DATE_CONTINUES = /^[\d年月日号底末.\-/]/u;

/** “6月30日前完成方案”: a target is naturally written with 前 after its date; it changes nothing. */
export const DATE_BEFORE_SUFFIX = /^(?:之前|以前|前|止|为止)/u;

/** Between a milestone's date and its target. */
export const MILESTONE_DATE_SEPARATOR = /^[\s:：,，、.。\-—–]+/u;

/** Numbering before a milestone: 1. 1、 (1) （1） ① 一、 */
export const MILESTONE_NUMBERING = /^(?:\d{1,2}\s*[.、．)）]|[（(]\s*\d{1,2}\s*[）)]|[①-⑳]|[一二三四五六七八九十]{1,3}\s*[、.．])\s*/u;

/** 进展 <任务编号> <百分比|阶段完成|完成> 说明. */
export const PROGRESS_WORDS = {
  /** The whole task is done (100% means the same). */
  done: ['完成', '已完成', '全部完成', '办结'],
  /** The earliest open milestone is done. */
  stage: ['阶段完成', '完成阶段', '阶段目标完成'],
  percentSigns: ['%', '％'],
} as const;

/** 进展 3号: a task number may be written like a case number. */
export const TASK_NO_SUFFIX = '号';
