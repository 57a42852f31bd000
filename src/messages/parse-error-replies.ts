/** Answers to messages the parser could not read: every mistake at once (R5 practised on our own users). */
import { COMMAND_TEXTS, FIELD_LABELS, REGISTER_CATEGORIES, type CommandName, type CommandText } from './command-texts.ts';
import { WECOM_TEXT_LIMIT, byteLength, fitList } from './fit-bytes.ts';

/** What the parser can find wrong in a message; each has its sentence below. */
export const PARSE_ERROR_CODES = [
  'empty',
  'unknown_command',
  'missing_case_no',
  'bad_case_no',
  'missing_field',
  'unknown_channel',
  'missing_category',
  'missing_applicant',
  'missing_matter',
  'internal_needs_deadline',
  'deadline_not_allowed',
  'deadline_in_past',
  'bad_date',
  'leave_end_before_start',
  'bad_material_index',
  'bad_record_no',
  'unknown_decision',
  'bad_period',
  'unknown_rating',
  'bad_phone',
  'bad_task_no',
  'bad_progress',
  'bad_days',
  'field_too_long',
] as const;
export type ParseErrorCode = (typeof PARSE_ERROR_CODES)[number];

/** One mistake as the parser reports it (src/bot/parsing/parse-error.ts). */
export interface ParseErrorView {
  code: ParseErrorCode;
  params?: Record<string, string | number>;
}

const DATE_LABELS: Record<string, string> = { from: '开始日期', to: '结束日期', deadline: '期限' };

const CATEGORIES = REGISTER_CATEGORIES;

export function renderParseErrors(errors: readonly ParseErrorView[]): string {
  if (errors.length === 0) return '抱歉，没能看懂这条消息。发送“帮助”查看全部命令。';
  const first = errors[0];
  if (first?.code === 'empty') return '您好，请发送命令，例如“待办”。发送“帮助”查看全部命令。';
  if (first?.code === 'unknown_command') return renderUnknownCommand(first);

  const lines = errors.map(describe);
  const head = lines.length === 1 ? [`抱歉，${lines[0] ?? ''}`] : [`抱歉，这条消息有 ${lines.length} 处需要修改：`, ...lines.map((line, i) => `${i + 1}. ${line}`)];
  const command = commandOf(errors);
  return [...head, ...(command ? usageLines(command) : [])].join('\n');
}

/**
 * 帮助: the given commands (those the sender may use), plain text within WeCom's 2048 bytes. Each
 * with an example while they all fit; otherwise one line each, and 帮助 <命令> gives the example.
 */
export function renderHelp(commands: readonly CommandText[]): string {
  const listed = commands.filter((c) => c.usage !== COMMAND_TEXTS.help.usage);
  const head = ['效能助手命令（#编号 是事项编号，[ ] 内可省略）：'];
  const dates = '日期可写 2026-12-01、12月1日、明天，可加时间如 17:30、下午5点。';
  const full = [...head, ...listed.flatMap((c) => entryLines(c)), dates].join('\n');
  if (byteLength(full) <= WECOM_TEXT_LIMIT) return full;
  const compact = [...head, ...listed.map((c) => `• ${c.usage}（${c.purpose}）`), HELP_TOPIC_HINT, dates].join('\n');
  if (byteLength(compact) <= WECOM_TEXT_LIMIT) return compact;
  // Someone with many roles: the usages alone, each command's purpose and example on 帮助 <命令>.
  const bare = listed.map((c) => `• ${c.usage}`);
  return fitList(head, bare, [HELP_TOPIC_HINT], (n) => `……另有 ${n} 条，请发送“帮助 命令”查看。`);
}

/** 帮助 登记: one command with its example and notes. */
export function renderCommandHelp(c: CommandText): string {
  return [`${c.usage}（${c.purpose}）`, `例如：${c.example}`, ...(c.notes ?? [])].join('\n');
}

const HELP_TOPIC_HINT = '发送“帮助 命令”查看例子，如：帮助 登记';

function entryLines({ usage, example, purpose, notes }: CommandText): string[] {
  const head = example !== usage ? `• ${usage}（${purpose}）\n  例：${example}` : `• ${usage}（${purpose}）`;
  return [head, ...(notes ?? []).map((n) => `  ${n}`)];
}

/** A menu item for a command that needs more than a tap: what to send. */
export function renderMenuPrompt(name: CommandName): string {
  const { usage, example } = COMMAND_TEXTS[name];
  return [`请发送：${usage}`, `例如：${example}`].join('\n');
}

function renderUnknownCommand(error: ParseErrorView): string {
  const word = String(error.params?.word ?? '');
  const suggestion = error.params?.suggestion;
  const type = commandNames().find((t) => COMMAND_TEXTS[t].words[0] === suggestion);
  const lines = [`抱歉，没有“${word}”这个命令。`];
  if (suggestion) {
    // "登记来电…": the right word, only glued to what follows.
    const glued = typeof suggestion === 'string' && word.startsWith(suggestion);
    lines.push(`您是想用“${suggestion}”吗？${glued ? '命令和内容之间请用空格隔开。' : ''}`, ...(type ? usageLines(type) : []));
  }
  lines.push('发送“帮助”查看全部命令。');
  return lines.join('\n');
}

function describe(error: ParseErrorView): string {
  const p = error.params ?? {};
  const value = String(p.value ?? '');
  switch (error.code) {
    case 'missing_case_no':
      return '请写上事项编号，如 #12。';
    case 'bad_case_no':
      return `“${value}”不是有效的事项编号，请写成 #12 这样的正整数。`;
    case 'missing_field':
      return `请写上${FIELD_LABELS[String(p.field)] ?? '内容'}。`;
    case 'field_too_long':
      return `${FIELD_LABELS[String(p.field)] ?? '内容'}太长了（${p.length} 字），请精简到 ${p.max} 字以内，未作更改。`;
    case 'unknown_channel':
      return `渠道“${value}”无法识别，请用 来人、来电、来信 或 网上（不写即为来人）。`;
    case 'missing_category':
      return `请写上类别：${CATEGORIES}。`;
    case 'missing_applicant':
      return '请写上当事人姓名或单位。';
    case 'missing_matter':
      return '请写上事由。';
    case 'internal_needs_deadline':
      return '内部事项请写明期限，如“期限 12月5日 17:30”。';
    case 'deadline_not_allowed':
      return '只有内部事项可以写期限，其他类别的期限按规定自动计算，请去掉“期限”。';
    case 'deadline_in_past':
      return `期限“${value}”已经过去，请写一个以后的时间。`;
    case 'bad_date':
      return `${DATE_LABELS[String(p.field)] ?? '日期'}“${value}”无法识别，请写成 12月1日、12-01、明天，可加时间如 17:30。`;
    case 'leave_end_before_start':
      return '结束时间早于开始时间，请检查。';
    case 'bad_task_no':
      return `“${value}”不是有效的任务编号，请写成 3 这样的正整数（发送“任务”可查看编号）。`;
    case 'bad_progress':
      return `进展“${value}”无法识别，请写 0–100 的百分比（如 50%）、“阶段完成”或“完成”。`;
    case 'bad_days':
      return `延期天数“${value}”无效，请写 1 至 ${String(p.max ?? 30)} 之间的工作日数，如“3”或“3个工作日”。`;
    case 'bad_material_index':
      return `材料序号“${value}”无效，请写 1、3 这样的序号，或“全部”。`;
    case 'bad_record_no':
      return `“${value}”不是有效的记录编号，请写成 12 这样的正整数。`;
    case 'unknown_decision':
      return `“${value}”不是处理决定，请写：批评教育、通报批评、书面告诫、诫勉谈话 或 不予追究。`;
    case 'bad_period':
      return `“${value}”不是考评期间，请写成 2026年、2026上半年、2026下半年、2026年12月 或 12月。`;
    case 'bad_phone':
      return `电话“${value}”位数不对，请写成 13800000000、138 0000 0000 或 0543-3211234。`;
    case 'unknown_rating':
      return `“${value}”不是回访评价，请写：非常满意、满意、基本满意、不满意 或 非常不满意。`;
    case 'empty':
    case 'unknown_command':
      return '请发送“帮助”查看全部命令。';
  }
}

function commandOf(errors: readonly ParseErrorView[]): CommandName | undefined {
  const named = errors.map((e) => e.params?.command).find((c) => typeof c === 'string');
  return commandNames().find((t) => t === named);
}

function commandNames(): CommandName[] {
  return Object.keys(COMMAND_TEXTS) as CommandName[];
}

function usageLines(type: CommandName): string[] {
  const { usage, example } = COMMAND_TEXTS[type];
  return [`格式：${usage}`, `例如：${example}`];
}
