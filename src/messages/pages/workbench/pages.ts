import type { WorkCalendar } from '../../../domain/calendar/work-calendar.ts';
import { CASE_STATUSES, isOverdue, type CaseEventRecord, type CaseRecord } from '../../../domain/case/case.ts';
import { TIME_LIMIT_CLASSES } from '../../../domain/time-limit-class.ts';
import { maskPhone } from '../../../domain/org/visibility.ts';
import { RECORD_DECISIONS, type AccountabilityRecordView } from '../../../domain/accountability/accountability-record.ts';
import type { ComplaintRecord } from '../../../domain/complaint/complaint.ts';
import type { CoverVia } from '../../../domain/coverage/who-covers.ts';
import { CHANNEL_ZH, CLASS_ZH, STATUS_ZH, formatDeadline, formatInstant, nameOf } from '../../format.ts';
import { historyLineOf } from '../../case-replies.ts';
import { VIA_ZH } from '../../absence-replies.ts';
import { DECISION_ZH, KIND_ZH } from '../../accountability-replies.ts';
import { GRADE_ZH } from '../../evaluation-replies.ts';
import { COMMAND_TEXTS } from '../../command-texts.ts';
import { caseDeadlineWords, deadlineWords } from './deadline-words.ts';
import { escapeHtml as e, workbenchPage, type NavItem } from './layout.ts';

type Names = ReadonlyMap<string, string>;
export interface Chrome {
  viewerName: string;
  nav: NavItem[];
}

const pct = (part: number, whole: number) => (whole === 0 ? '—' : `${Math.round((part / whole) * 1000) / 10}%`);

function due(c: CaseRecord, now: Date, calendar: WorkCalendar): string {
  const w = caseDeadlineWords(c, now, calendar);
  return `<span class="due ${w.level === 'ok' ? '' : w.level}">${e(w.text)}</span>`;
}

export function phoneFor(c: Pick<CaseRecord, 'phone'>, handling: boolean): string {
  if (!c.phone) return '';
  return handling ? c.phone : maskPhone(c.phone);
}

function caseLine(c: CaseRecord, names: Names, now: Date, calendar: WorkCalendar, extra = ''): string {
  const flag = isOverdue(c, now) ? '<span class="tag red">已超期</span> ' : '';
  return `<li>${flag}<a href="/app/cases/${c.no}">#${c.no} ${e(c.applicant)}：${e(c.matter.slice(0, 40))}</a><br>
<span class="muted">${e(STATUS_ZH[c.status])} · 承办人 ${e(nameOf(names, c.handler))}${extra}</span> · ${due(c, now, calendar)}</li>`;
}

export interface MyPage {
  cases: CaseRecord[];
  covering: ReadonlyMap<number, CoverVia>;
  decisions: { kind: 'refusal' | 'extension'; caseNo: number; since: Date; reason: string; days?: number }[];
  tasks: { id: number; title: string; deadline: Date; status: { color: 'green' | 'yellow' | 'red' | null; next: { due: Date; target: string | null } | null } }[];
  departmentsOverdue: { department: string; overdue: number }[];
}

export function renderMyPage(chrome: Chrome, v: MyPage, names: Names, departments: Names, now: Date, calendar: WorkCalendar): string {
  const own = v.cases.filter((c) => !v.covering.has(c.no));
  const covered = v.cases.filter((c) => v.covering.has(c.no));
  const list = (cases: CaseRecord[], empty: string, extra: (c: CaseRecord) => string = () => '') =>
    cases.length === 0 ? `<p class="muted">${empty}</p>` : `<ul class="items">${cases.map((c) => caseLine(c, names, now, calendar, extra(c))).join('')}</ul>`;
  const decisions =
    v.decisions.length === 0
      ? '<p class="muted">没有等待您决定的事项。</p>'
      : `<ul class="items">${v.decisions
          .map((d) => `<li><a href="/app/cases/${d.caseNo}">#${d.caseNo} ${d.kind === 'refusal' ? '不予办理报备' : `延期申请（${d.days ?? 0} 个工作日）`}</a><br><span class="muted">${e(d.reason)} · ${formatInstant(d.since)} 提交</span></li>`)
          .join('')}</ul>`;
  const tasks =
    v.tasks.length === 0
      ? '<p class="muted">没有未完成的重点工作任务。</p>'
      : `<ul class="items">${v.tasks
          .map((t) => {
            const next = t.status.next;
            const w = deadlineWords(next?.due ?? t.deadline, now, calendar);
            return `<li><span class="tag ${t.status.color ?? ''}">${TASK_COLOR_ZH[t.status.color ?? 'green']}</span> 任务 ${t.id}：${e(t.title)}<br><span class="muted">${next?.target ? `${e(next.target)} · ` : ''}</span><span class="due ${w.level === 'ok' ? '' : w.level}">${e(w.text)}</span></li>`;
          })
          .join('')}</ul>`;
  const heads = v.departmentsOverdue
    .map((d) => `<p><a href="/app/cases?department=${e(d.department)}&amp;overdue=1">${e(departments.get(d.department) ?? d.department)}：本部门超期 ${d.overdue} 件</a></p>`)
    .join('');
  const body = `<h1>我的工作台</h1>
${heads ? `<section>${heads}</section>` : ''}
<section><h2>我的待办案件（${own.length}）</h2>${list(own, '没有待办案件。')}</section>
<section><h2>我顶岗的案件（${covered.length}）</h2>${list(covered, '今天没有需要您顶岗的案件。', (c) => ` · ${e(VIA_ZH[v.covering.get(c.no) ?? 'b'])}`)}</section>
<section><h2>等待我决定（${v.decisions.length}）</h2>${decisions}</section>
<section><h2>我的重点工作任务（${v.tasks.length}）</h2>${tasks}</section>`;
  return workbenchPage({ title: '我的', ...chrome, current: '/app/me', body });
}

const TASK_COLOR_ZH = { green: '正常', yellow: '临期', red: '逾期' } as const;

export interface CaseListFilters {
  status?: string;
  cls?: string;
  department?: string;
  handler?: string;
  overdue?: boolean;
  month?: string;
  q?: string;
}

function options(values: readonly string[], labels: (v: string) => string, selected: string | undefined, all: string): string {
  return [`<option value="">${all}</option>`, ...values.map((v) => `<option value="${e(v)}"${v === selected ? ' selected' : ''}>${e(labels(v))}</option>`)].join('');
}

export function renderCaseListPage(
  chrome: Chrome,
  cases: CaseRecord[],
  next: number | null,
  f: CaseListFilters,
  query: string,
  names: Names,
  departments: Names,
  now: Date,
  calendar: WorkCalendar,
  errors: string[],
): string {
  const staff = [...names.entries()].sort((a, b) => a[1].localeCompare(b[1], 'zh'));
  const filters = `<form class="filters card" method="get" action="/app/cases">
<label>状态<select name="status">${options(CASE_STATUSES, (s) => STATUS_ZH[s as keyof typeof STATUS_ZH], f.status, '全部')}</select></label>
<label>类别<select name="class">${options(TIME_LIMIT_CLASSES, (c) => CLASS_ZH[c as keyof typeof CLASS_ZH], f.cls, '全部')}</select></label>
<label>部室<select name="department">${options([...departments.keys()], (d) => departments.get(d) ?? d, f.department, '全部')}</select></label>
<label>承办人<select name="handler">${[`<option value="">全部</option>`, ...staff.map(([u, n]) => `<option value="${e(u)}"${u === f.handler ? ' selected' : ''}>${e(n)}</option>`)].join('')}</select></label>
<label>受理月份<input type="month" name="month" value="${e(f.month ?? '')}"></label>
<label>当事人或事由<input type="search" name="q" value="${e(f.q ?? '')}"></label>
<label><input type="checkbox" name="overdue" value="1"${f.overdue ? ' checked' : ''} style="width:auto"> 只看超期</label>
<div><button type="submit">筛选</button></div>
</form>`;
  const rows =
    cases.length === 0
      ? '<p class="muted">没有符合条件的案件。</p>'
      : `<ul class="items">${cases.map((c) => caseLine(c, names, now, calendar, ` · ${e(departments.get(c.department) ?? c.department)}`)).join('')}</ul>`;
  const more = next !== null ? `<p><a class="button secondary" href="/app/cases?${e(query ? `${query}&` : '')}after=${next}">下一页</a></p>` : '';
  const err = errors.length > 0 ? `<p class="notice error">${e(errors.join('；'))}</p>` : '';
  return workbenchPage({ title: '案件', ...chrome, current: '/app/cases', body: `<h1>案件</h1>${err}${filters}<section>${rows}${more}</section>` });
}

/** How each web action is asked for: its button, and the field it needs (the rest of the chat command). */
export const WEB_ACTION_TEXT: Record<string, { label: string; field?: string; placeholder?: string }> = {
  finish: { label: '办结', field: '办理结果', placeholder: '如：已答复申报条件' },
  transfer: { label: '转办', field: '转给（姓名或部室）' },
  sendBack: { label: '退回', field: '退回理由' },
  referOut: { label: '外转', field: '单位 说明' },
  requestMaterials: { label: '一次性告知补正', field: '缺少的材料（用顿号分隔，或写“全部”）' },
  materialsComplete: { label: '材料已补齐' },
  refuse: { label: '不予办理报备', field: '理由' },
  extend: { label: '申请延期', field: '天数 理由', placeholder: '如：5 需要现场核查' },
  urgent: { label: '报告紧急情况', field: '说明' },
  noticeGiven: { label: '已书面告知', field: '告知方式', placeholder: '如：当面送达' },
  approve: { label: '同意不予办理' },
  overturn: { label: '纠正（恢复办理）', field: '意见' },
  escalate: { label: '上报主要负责人', field: '说明（可不填）' },
  approveExtension: { label: '同意延期' },
  refuseExtension: { label: '不同意延期', field: '理由（可不填）' },
};

/**
 * The fields of one action's form: tick boxes from the catalog for 补正, a picker of people and
 * departments for 转办, days and a reason for 延期, else one text field.
 */
function actionFields(action: string, t: { field?: string; placeholder?: string }, focused: boolean, pickers: { materials: string[]; targets: string[] }): string {
  const autofocus = focused ? ' autofocus' : '';
  if (action === 'requestMaterials' && pickers.materials.length > 0) {
    const boxes = pickers.materials.map((m, i) => `<label class="tick"><input type="checkbox" name="material" value="${e(m)}"${i === 0 ? autofocus : ''}> ${e(m)}</label>`).join('');
    return `<fieldset><legend>缺少的材料（请勾选，按服务指南）</legend>${boxes}<label>其他材料（用顿号分隔，可不填）<input name="args" maxlength="500"></label></fieldset>`;
  }
  if (action === 'transfer' && pickers.targets.length > 0) {
    const list = [...new Set(pickers.targets)].map((n) => `<option value="${e(n)}"></option>`).join('');
    return `<label>${e(t.field ?? '')}<input name="args" list="transfer-targets" autocomplete="off"${autofocus} maxlength="500"></label><datalist id="transfer-targets">${list}</datalist>`;
  }
  if (action === 'extend') {
    return `<label>延期天数（工作日）<input type="number" name="days" min="1" inputmode="numeric"${autofocus}></label><label>理由<input name="reason" maxlength="500" placeholder="如：需要现场核查"></label>`;
  }
  return t.field ? `<label>${e(t.field)}<input name="args" ${t.placeholder ? `placeholder="${e(t.placeholder)}"` : ''}${autofocus} maxlength="500"></label>` : '';
}

/**
 * A reply shown on the page names the bot's own pages by full URL (as in chat): those become links,
 * to the path only, so that nothing a person typed turns into a link to elsewhere.
 */
export function linkOwnPages(escaped: string): string {
  return escaped.replace(/https?:\/\/[^\s/<]+(\/(?:notices\/[A-Za-z0-9-]+|app\/cases\/\d+))(?=[\s<]|$)/gu, (_url, path: string) => `<a href="${path}">${path}</a>`);
}

export function renderCasePage(
  chrome: Chrome,
  v: { case: CaseRecord; history: CaseEventRecord[]; handling: boolean; actions: string[]; coveredBy: string | null },
  lifecycle: { notices: { number: string; path: string; at: string }[]; filing: { noticePath: string | null } | null },
  names: Names,
  departments: Names,
  now: Date,
  calendar: WorkCalendar,
  flash: { text: string; error: boolean } | null,
  nonce: string,
  form: { focus?: string; pickers: { materials: string[]; targets: string[] } },
): string {
  const { focus, pickers } = form;
  const c = v.case;
  const phone = phoneFor(c, v.handling);
  const history = [...v.history].sort((a, b) => a.at.getTime() - b.at.getTime());
  const facts = `<section><table><tbody>
<tr><th>状态</th><td class="wrap">${e(STATUS_ZH[c.status])}${isOverdue(c, now) ? ' <span class="tag red">已超期</span>' : ''}</td></tr>
<tr><th>期限</th><td class="wrap">${c.dueAt ? `${e(formatDeadline(c.dueAt, now))} · ` : ''}${due(c, now, calendar)}</td></tr>
<tr><th>类别</th><td class="wrap">${e(CLASS_ZH[c.cls])}${c.serviceCode ? `（${e(c.serviceCode)}）` : ''} · ${e(CHANNEL_ZH[c.channel])}</td></tr>
<tr><th>当事人</th><td class="wrap">${e(c.applicant)} <span class="phone">${e(phone)}</span></td></tr>
<tr><th>事由</th><td class="wrap">${e(c.matter)}</td></tr>
<tr><th>部室</th><td class="wrap">${e(departments.get(c.department) ?? c.department)}</td></tr>
<tr><th>承办人</th><td class="wrap">${e(nameOf(names, c.handler))}${v.coveredBy ? `（今日由${e(nameOf(names, v.coveredBy))}顶岗）` : ''}</td></tr>
<tr><th>首问责任人</th><td class="wrap">${e(nameOf(names, c.firstResponder))}</td></tr>
<tr><th>受理时间</th><td class="wrap">${e(formatInstant(c.receivedAt))}</td></tr>
${c.result ? `<tr><th>结果</th><td class="wrap">${e(c.result)}</td></tr>` : ''}
</tbody></table></section>`;
  const notices = [
    ...lifecycle.notices.map((n) => `<li><a href="${e(n.path)}">一次性告知书 ${e(n.number)}</a></li>`),
    ...(lifecycle.filing?.noticePath ? [`<li><a href="${e(lifecycle.filing.noticePath)}">不予受理告知书</a></li>`] : []),
  ];
  // A card's link opens one form: that one first, its field focused; the others stay below.
  const ordered = focus && v.actions.includes(focus) ? [focus, ...v.actions.filter((a) => a !== focus)] : v.actions;
  const focusNote = focus && !v.actions.includes(focus) ? `<p class="notice error">您目前不能对此案件“${e(WEB_ACTION_TEXT[focus]?.label ?? focus)}”。</p>` : '';
  const actions =
    focusNote +
    (v.actions.length === 0
      ? '<p class="muted">您对此案件暂无可办理的操作。</p>'
      : ordered
          .map((a) => {
            const t = WEB_ACTION_TEXT[a] ?? { label: a };
            const field = actionFields(a, t, a === focus, pickers);
            return `<form method="post" action="/app/cases/${c.no}/actions" id="action-${e(a)}"><input type="hidden" name="action" value="${e(a)}"><input type="hidden" name="nonce" value="${e(nonce)}-${e(a)}">${field}<button type="submit">${e(t.label)}</button></form>`;
          })
          .join(''));
  const flashHtml = flash ? `<p class="notice${flash.error ? ' error' : ''}" role="status">${linkOwnPages(e(flash.text))}</p>` : '';
  const body = `<h1>#${c.no} ${e(c.applicant)}</h1>${flashHtml}${facts}
<section class="actions"><h2>可办理的操作</h2>${actions}</section>
${notices.length > 0 ? `<section><h2>告知书</h2><ul>${notices.join('')}</ul></section>` : ''}
<section><h2>办理记录</h2><ol class="history">${history.map((h) => `<li>${e(formatInstant(h.at))} ${e(historyLineOf(h, names))}</li>`).join('')}</ol></section>`;
  return workbenchPage({ title: `#${c.no}`, ...chrome, current: '/app/cases', body });
}

export function renderDepartmentIndex(chrome: Chrome, departments: { key: string; name: string }[]): string {
  const list = departments.map((d) => `<li><a href="/app/departments/${e(d.key)}">${e(d.name)}</a></li>`).join('');
  return workbenchPage({ title: '部室', ...chrome, current: '/app/departments', body: `<h1>部室</h1><section><ul class="items">${list}</ul></section>` });
}

export function renderDepartmentPage(
  chrome: Chrome,
  v: { department: { key: string; name: string; head: string | null }; cases: CaseRecord[]; away: { userid: string; until: Date; cover: string | null; via: CoverVia | null }[]; thisMonth: { closed: number; onTime: number }; lastMonth: { closed: number; onTime: number } },
  names: Names,
  now: Date,
  calendar: WorkCalendar,
): string {
  const overdue = v.cases.filter((c) => isOverdue(c, now)).length;
  const away =
    v.away.length === 0
      ? '<p class="muted">今天全员在岗。</p>'
      : `<ul class="items">${v.away.map((a) => `<li>${e(nameOf(names, a.userid))} 请假至 ${e(formatInstant(a.until))}：${a.cover ? `由${e(nameOf(names, a.cover))}（${e(VIA_ZH[a.via ?? 'b'])}）顶岗` : '<span class="late">无人顶岗</span>'}</li>`).join('')}</ul>`;
  const body = `<h1>${e(v.department.name)}</h1>
<div class="grid">
<section><div class="muted">在办案件</div><div class="kpi">${v.cases.length}</div></section>
<section><div class="muted">已超期</div><div class="kpi ${overdue > 0 ? 'late' : ''}">${overdue}</div></section>
<section><div class="muted">本月按时办结率</div><div class="kpi">${pct(v.thisMonth.onTime, v.thisMonth.closed)}</div><div class="muted">上月 ${pct(v.lastMonth.onTime, v.lastMonth.closed)}（本月办结 ${v.thisMonth.closed} 件，上月 ${v.lastMonth.closed} 件）</div></section>
</div>
<section><h2>今天谁顶谁</h2>${away}</section>
<section><h2>在办案件（超期的在前）</h2>${v.cases.length === 0 ? '<p class="muted">没有在办案件。</p>' : `<ul class="items">${v.cases.map((c) => caseLine(c, names, now, calendar)).join('')}</ul>`}</section>`;
  return workbenchPage({ title: v.department.name, ...chrome, current: '/app/departments', body });
}

export function renderOverviewPage(
  chrome: Chrome,
  v: {
    departments: { department: string; name: string; open: number; overdue: number; closed: number; onTime: number; complaints: number; records: number }[];
    trend: { month: string; received: number; closed: number; onTime: number }[];
    tasks: { id: number; title: string; department: string; owner: string; status: { color: 'green' | 'yellow' | 'red' | null; next: { due: Date; target: string | null } | null } }[];
  },
  names: Names,
  departments: Names,
  now: Date,
  calendar: WorkCalendar,
): string {
  const rows = v.departments
    .map(
      (d) =>
        `<tr><td><a href="/app/departments/${e(d.department)}">${e(d.name)}</a></td><td>${d.open}</td><td class="${d.overdue > 0 ? 'late' : ''}">${d.overdue}</td><td>${d.closed}</td><td>${pct(d.onTime, d.closed)}</td><td>${d.complaints}</td><td>${d.records}</td></tr>`,
    )
    .join('');
  const chartData = {
    labels: ['受理', '办结', '按时办结率（%）'],
    monthLabel: '月份',
    months: v.trend.map((t) => t.month),
    received: v.trend.map((t) => t.received),
    closed: v.trend.map((t) => t.closed),
    rate: v.trend.map((t) => (t.closed === 0 ? null : Math.round((t.onTime / t.closed) * 1000) / 10)),
  };
  const tasks =
    v.tasks.length === 0
      ? '<p class="muted">没有逾期或临期的重点工作任务。</p>'
      : `<ul class="items">${v.tasks
          .map((t) => {
            const w = deadlineWords(t.status.next?.due ?? null, now, calendar);
            return `<li><span class="tag ${t.status.color ?? ''}">${TASK_COLOR_ZH[t.status.color ?? 'green']}</span> 任务 ${t.id}：${e(t.title)}<br><span class="muted">${e(departments.get(t.department) ?? t.department)} · ${e(nameOf(names, t.owner))} · ${t.status.next?.target ? `${e(t.status.next.target)} · ` : ''}</span><span class="due ${w.level === 'ok' ? '' : w.level}">${e(w.text)}</span></li>`;
          })
          .join('')}</ul>`;
  const body = `<h1>全局</h1>
<section><h2>各部室本月情况</h2><div class="scroll"><table><thead><tr><th>部室</th><th>在办</th><th>超期</th><th>本月办结</th><th>按时率</th><th>投诉</th><th>效能记录</th></tr></thead><tbody>${rows}</tbody></table></div></section>
<section><h2>近 12 个月趋势</h2><div id="trend" class="chart" aria-label="近12个月受理、办结和按时办结率"></div>
<script type="application/json" id="trend-data">${JSON.stringify(chartData).replace(/</gu, '\\u003c')}</script></section>
<section><h2>重点工作任务（逾期、临期）</h2>${tasks}</section>`;
  const head = `<link rel="stylesheet" href="/app/assets/uPlot.min.css"><script src="/app/assets/uPlot.iife.min.js" defer></script><script src="/app/assets/trend-chart.js" defer></script>`;
  return workbenchPage({ title: '全局', ...chrome, current: '/app/overview', body, head });
}

export function renderRecordsPage(
  chrome: Chrome,
  records: AccountabilityRecordView[],
  complaints: ComplaintRecord[],
  names: Names,
  departments: Names,
  flash: { text: string; error: boolean } | null,
  nonce: string,
): string {
  const decisionOptions = RECORD_DECISIONS.map((d) => `<option value="${d}">${e(DECISION_ZH[d])}</option>`).join('');
  const recordItems = records
    .map((r) => {
      const decided = r.decision !== null;
      const form = decided
        ? `<p class="muted">已认定：${e(DECISION_ZH[r.decision!])}${r.decidedBy ? `（${e(nameOf(names, r.decidedBy))}）` : ''}${r.decisionNote ? `：${e(r.decisionNote)}` : ''}</p>`
        : `<form method="post" action="/app/records/${r.id}/decision"><input type="hidden" name="nonce" value="${e(nonce)}-r${r.id}">
<label>认定<select name="decision">${decisionOptions}</select></label><label>说明（可不填）<input name="note" maxlength="500"></label><button type="submit">处理</button></form>`;
      return `<li id="record-${r.id}"><strong>记录 ${r.id}</strong> ${e(KIND_ZH[r.kind])}${r.caseNo !== null ? ` · <a href="/app/cases/${r.caseNo}">#${r.caseNo}</a>` : ''}<br>
<span class="muted">${e(formatInstant(r.at))} · ${r.person ? e(nameOf(names, r.person)) : '—'} · ${e(r.department ? (departments.get(r.department) ?? r.department) : '—')}</span>
${r.statement ? `<p>申辩：${e(r.statement)}</p>` : r.statementDueAt ? `<p class="muted">申辩期限：${e(formatInstant(r.statementDueAt))}</p>` : ''}${form}</li>`;
    })
    .join('');
  const complaintItems = complaints
    .map((c) => {
      const form =
        c.status === 'ANSWERED'
          ? `<p class="muted">已答复（${c.upheld ? '属实' : '不属实'}）：${e(c.answer ?? '')}</p>`
          : `<form method="post" action="/app/complaints/${c.id}/answer"><input type="hidden" name="nonce" value="${e(nonce)}-c${c.id}">
<label>结论<select name="upheld"><option value="yes">属实</option><option value="no">不属实</option></select></label><label>答复<textarea name="answer" maxlength="1000" required></textarea></label><button type="submit">答复投诉</button></form>`;
      return `<li id="complaint-${c.id}"><strong>投诉 ${c.id}</strong>${c.caseNo !== null ? ` · <a href="/app/cases/${c.caseNo}">#${c.caseNo}</a>` : ''} <span class="muted">${e(formatInstant(c.at))} · 答复期限 ${e(formatInstant(c.dueAt))}</span><p>${e(c.content)}</p>${form}</li>`;
    })
    .join('');
  const flashHtml = flash ? `<p class="notice${flash.error ? ' error' : ''}" role="status">${linkOwnPages(e(flash.text))}</p>` : '';
  const body = `<h1>记录与投诉</h1>${flashHtml}
<section><h2>效能记录（未认定的在前）</h2>${records.length === 0 ? '<p class="muted">没有效能记录。</p>' : `<ul class="items">${recordItems}</ul>`}</section>
<section><h2>效能投诉</h2>${complaints.length === 0 ? '<p class="muted">没有效能投诉。</p>' : `<ul class="items">${complaintItems}</ul>`}</section>`;
  return workbenchPage({ title: '记录与投诉', ...chrome, current: '/app/records', body });
}

export interface EvaluationPageView {
  period: string;
  from: string;
  to: string;
  frozen: { at: string; by: string } | null;
  departments: { key: string; name: string; score: number; rank: number; grade: keyof typeof GRADE_ZH; veto: boolean; indicators: { onTimeRate: number | null; overdue: number; casesHandled: number }; deductions: { recordId: number; kind: keyof typeof KIND_ZH; caseNo: number | null; points: number }[] }[];
  people: { userid: string; name: string; department: string; score: number; rank: number; grade: keyof typeof GRADE_ZH; veto: boolean; deductions: { recordId: number; kind: keyof typeof KIND_ZH; caseNo: number | null; points: number }[] }[];
}

const rate = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);

export function renderEvaluationPage(chrome: Chrome, v: EvaluationPageView, periodKey: string, canFreeze: boolean, bulletinMonths: string[], flash: { text: string; error: boolean } | null, nonce: string): string {
  const deductions = (ds: EvaluationPageView['people'][number]['deductions']) =>
    ds.length === 0 ? '—' : ds.map((d) => `<a href="/app/records#record-${d.recordId}">记录 ${d.recordId}</a> ${e(KIND_ZH[d.kind])} −${d.points}`).join('<br>');
  const depts = v.departments
    .map((d) => `<tr><td>${d.rank}</td><td>${e(d.name)}</td><td>${d.score}</td><td>${e(GRADE_ZH[d.grade])}${d.veto ? ' <span class="tag red">一票否决</span>' : ''}</td><td>${rate(d.indicators.onTimeRate)}</td><td>${d.indicators.overdue}</td><td class="wrap">${deductions(d.deductions)}</td></tr>`)
    .join('');
  const people = v.people
    .map((p) => `<tr><td>${p.rank}</td><td>${e(p.name)}</td><td>${p.score}</td><td>${e(GRADE_ZH[p.grade])}${p.veto ? ' <span class="tag red">一票否决</span>' : ''}</td><td class="wrap">${deductions(p.deductions)}</td></tr>`)
    .join('');
  const periods = `<form method="get" action="/app/evaluations" class="filters card"><label>考评期间<input name="period" value="${e(periodKey)}" placeholder="2026-H1"></label><div><button type="submit">查看</button></div></form>`;
  const freeze = v.frozen
    ? `<p class="notice">已于 ${e(formatInstant(new Date(v.frozen.at)))} 定稿，结果不再变动。</p>`
    : canFreeze
      ? `<form method="post" action="/app/evaluations/${e(periodKey)}/freeze" class="noprint"><input type="hidden" name="nonce" value="${e(nonce)}-freeze"><button type="submit">定稿</button></form>`
      : '';
  const flashHtml = flash ? `<p class="notice${flash.error ? ' error' : ''}" role="status">${linkOwnPages(e(flash.text))}</p>` : '';
  const bulletins = bulletinMonths.map((m) => `<a href="/app/bulletins/${e(m)}">${e(m)} 效能通报</a>`).join(' · ');
  const body = `<h1>考评 ${e(periodKey)}</h1>${flashHtml}${periods}
<p class="muted">${e(v.from)} 至 ${e(v.to)}</p>
<p class="noprint"><a class="button" href="/app/evaluations/${e(periodKey)}.xlsx" download>下载 XLSX</a> <button type="button" class="secondary" onclick="window.print()">打印</button></p>${freeze}
<section><h2>部室排名</h2><div class="scroll"><table><thead><tr><th>名次</th><th>部室</th><th>得分</th><th>等次</th><th>按时率</th><th>超期</th><th>扣分（对应记录）</th></tr></thead><tbody>${depts}</tbody></table></div></section>
<section><h2>个人排名</h2><div class="scroll"><table><thead><tr><th>名次</th><th>姓名</th><th>得分</th><th>等次</th><th>扣分（对应记录）</th></tr></thead><tbody>${people}</tbody></table></div></section>
<section class="noprint"><h2>月度效能通报</h2><p>${bulletins}</p></section>`;
  return workbenchPage({ title: `考评 ${periodKey}`, ...chrome, current: '/app/evaluations', body });
}

export const WORKBENCH_TEXT = {
  badFilter: (what: string) => `筛选条件“${what}”无效，已忽略。`,
  unknownAction: '不支持的操作。',
  done: '已提交。',
  badPeriod: '考评期间格式应为 2026、2026-H1、2026-H2 或 2026-12。',
  evaluationTitle: '考评',
  back: '返回',
  commandWord: (name: keyof typeof COMMAND_TEXTS) => COMMAND_TEXTS[name].words[0] ?? '',
};
