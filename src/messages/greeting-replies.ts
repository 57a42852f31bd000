import { chinaDateOf } from '../domain/calendar/china-time.ts';
import { isOverdue, type CaseRecord } from '../domain/case/case.ts';

/** The answer to a hello: who the bot is and the few commands that get a clerk started. */
export function renderGreeting(name: string, staff: boolean): string {
  if (!staff) return '您好！我是效能助手。办事指南请发送“指南 事项名称”，如“指南 学会成立”。';
  return [
    `${name}，您好！我是效能助手，帮您登记群众诉求、提醒办理期限。常用：`,
    '· 登记 来电 咨询 张三 事由',
    '· 待办（查看您的事项）',
    '· 帮助（全部命令）',
    '也可以直接写“张三来电咨询……”，我会整理成登记请您确认。',
  ].join('\n');
}

/**
 * On opening the app (at most once a day): what needs the person now. Staff with nothing open
 * still hear how to start; guests hear where the catalog is.
 */
export function renderWelcome(name: string, staff: boolean, cases: readonly CaseRecord[], now: Date): string {
  if (!staff || cases.length === 0) return renderGreeting(name, staff);
  const today = chinaDateOf(now);
  const overdue = cases.filter((c) => isOverdue(c, now)).length;
  const dueToday = cases.filter((c) => !isOverdue(c, now) && c.dueAt && chinaDateOf(c.dueAt) === today).length;
  const urgent = [overdue > 0 ? `${overdue} 件已超期` : '', dueToday > 0 ? `${dueToday} 件今天到期` : ''].filter(Boolean).join('，');
  return `${name}，您好！您有 ${cases.length} 件待办${urgent ? `，其中${urgent}` : ''}。发送“待办”查看。`;
}
