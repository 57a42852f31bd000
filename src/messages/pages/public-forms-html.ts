import { htmlDocument } from './html-document.ts';
/**
 * The public's pages (R2 §6 效能投诉, R7 §6 留言卡): plain server-rendered HTML, read on a phone first
 * (390 px wide without horizontal scroll, 16 px text, contrast of at least 4.5:1), every value that
 * comes from a person or the data escaped.
 */
import type { ComplaintRecord } from '../../domain/complaint/complaint.ts';
import { PUBLIC_LIMITS, type FormField, type FormProblem } from '../../domain/public/public-forms.ts';
import { formatDeadline, formatInstant } from '../format.ts';
import { escapeHtml } from './printable-page.ts';

const e = escapeHtml;

// #1a1a1a on white is 17:1; the link and button blue #0b57a4 on white (white on it) about 7:1; the error red #a4001d about 8:1.
const STYLE = `*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;font-size:16px;line-height:1.7;color:#1a1a1a;background:#fff;margin:0;padding:1rem;max-width:40rem;margin-inline:auto;overflow-wrap:anywhere}
h1{font-size:1.35rem;margin:.5rem 0 1rem;border-bottom:2px solid #a4001d;padding-bottom:.4rem}
p{margin:.6rem 0}.note{color:#444}
label{display:block;font-weight:600;margin:1rem 0 .3rem}
input,select,textarea{display:block;width:100%;max-width:100%;font:inherit;color:inherit;padding:.6rem;border:1px solid #666;border-radius:4px;background:#fff}
textarea{min-height:8rem;resize:vertical}
button{font:inherit;font-weight:600;color:#fff;background:#0b57a4;border:0;border-radius:4px;padding:.7rem 1.5rem;margin-top:1.2rem;width:100%}
a{color:#0b57a4}
.errors{border:2px solid #a4001d;color:#a4001d;padding:.5rem .8rem;border-radius:4px}
.errors ul{margin:.3rem 0;padding-left:1.2rem}
dl{margin:1rem 0}dt{font-weight:600;margin-top:.6rem}dd{margin:0 0 .3rem}
.status{font-weight:600}`;

function page(title: string, body: string): string {
  return htmlDocument({ titleHtml: e(title), style: STYLE, body });
}

const FIELD_ZH: Record<FormField, string> = { department: '反映的部室', person: '反映的工作人员', content: '反映的问题', name: '您的姓名', phone: '联系电话' };

function problemText(p: FormProblem): string {
  const field = FIELD_ZH[p.field];
  switch (p.code) {
    case 'required':
      return `请填写${field}。`;
    case 'too_long':
      return `${field}请不要超过 ${p.max ?? ''} 字。`;
    case 'bad_phone':
      return '联系电话格式不对，请填写手机号或带区号的固定电话。';
    case 'unknown_department':
      return '请从列表中选择部室。';
  }
}

function errors(problems: readonly FormProblem[]): string {
  if (problems.length === 0) return '';
  return `<div class="errors" role="alert"><p>提交未成功，请修改以下 ${problems.length} 处：</p><ul>${problems.map((p) => `<li>${e(problemText(p))}</li>`).join('')}</ul></div>`;
}

const value = (values: Record<string, string>, k: string) => e(values[k] ?? '');

/** GET /complaints/new, and the same form again with the problems when a submission was refused. */
export function renderComplaintForm(unit: string, departments: readonly { key: string; name: string }[], values: Record<string, string> = {}, problems: readonly FormProblem[] = []): string {
  const options = [`<option value="">不清楚 / 不选择</option>`, ...departments.map((d) => `<option value="${e(d.key)}"${values.department === d.key ? ' selected' : ''}>${e(d.name)}</option>`)].join('');
  const body = `<h1>${e(unit)}效能投诉</h1>
<p class="note">对工作人员推诿扯皮、办事拖延、态度生硬等影响工作效能的问题，可在此投诉。办公室将在规定的工作日内答复，答复可凭查询链接查看。</p>
${errors(problems)}
<form method="post" action="/complaints" accept-charset="utf-8">
<label for="department">反映的部室（可不选）</label><select id="department" name="department">${options}</select>
<label for="person">反映的工作人员（可不填）</label><input id="person" name="person" maxlength="${PUBLIC_LIMITS.person}" value="${value(values, 'person')}">
<label for="content">反映的问题（必填，${PUBLIC_LIMITS.content} 字以内）</label><textarea id="content" name="content" maxlength="${PUBLIC_LIMITS.content}" required>${value(values, 'content')}</textarea>
<label for="name">您的姓名（必填）</label><input id="name" name="name" maxlength="${PUBLIC_LIMITS.name}" autocomplete="name" required value="${value(values, 'name')}">
<label for="phone">联系电话（便于核实情况，可不填）</label><input id="phone" name="phone" type="tel" maxlength="24" autocomplete="tel" value="${value(values, 'phone')}">
<button type="submit">提交投诉</button>
</form>`;
  return page(`效能投诉 - ${unit}`, body);
}

/** POST /complaints accepted: the number and the tracking link. */
export function renderComplaintAccepted(unit: string, c: ComplaintRecord, trackUrl: string, now: Date): string {
  const body = `<h1>投诉已受理</h1>
<p>您的效能投诉已受理，编号 <strong>${c.id}</strong>。</p>
<p>办公室将于 ${e(formatDeadline(c.dueAt, now))}前答复。请保存以下链接，凭此查看办理进度和答复：</p>
<p><a href="${e(trackUrl)}">${e(trackUrl)}</a></p>
<p class="note">${e(unit)}办公室</p>`;
  return page(`投诉已受理 - ${unit}`, body);
}

/** GET /complaints/:ref: the number and the progress, and the answer once there is one. */
export function renderComplaintTracking(unit: string, c: ComplaintRecord, about: string | null, now: Date): string {
  const answered = c.status === 'ANSWERED';
  const rows: [string, string][] = [
    ['投诉编号', String(c.id)],
    ['提交时间', formatInstant(c.at)],
    ...(about ? ([['反映对象', about]] as [string, string][]) : []),
    ['反映的问题', c.content],
    ['办理进度', answered ? '已答复' : `办公室正在核查，将于 ${formatDeadline(c.dueAt, now)}前答复`],
  ];
  if (answered) {
    rows.push(['核查结论', c.upheld ? '属实' : '不属实'], ['答复', c.answer ?? ''], ['答复时间', c.answeredAt ? formatInstant(c.answeredAt) : '']);
  }
  const body = `<h1>效能投诉办理进度</h1><dl>${rows.map(([k, v]) => `<dt>${e(k)}</dt><dd${k === '办理进度' ? ' class="status"' : ''}>${e(v)}</dd>`).join('')}</dl><p class="note">${e(unit)}办公室</p>`;
  return page(`投诉 ${c.id} - ${unit}`, body);
}

/** GET /departments/:key/message: the 留言卡 of a department that is out. */
export function renderVisitorForm(unit: string, dept: { key: string; name: string; phone: string | null }, values: Record<string, string> = {}, problems: readonly FormProblem[] = []): string {
  const body = `<h1>${e(dept.name)}留言卡</h1>
<p>您好！本部室工作人员暂时外出，请留下您的姓名、联系电话和事由。工作人员返岗后将及时与您联系。${dept.phone ? `您也可拨打 ${e(dept.phone)}。` : ''}</p>
${errors(problems)}
<form method="post" action="/departments/${e(encodeURIComponent(dept.key))}/message" accept-charset="utf-8">
<label for="name">您的姓名（必填）</label><input id="name" name="name" maxlength="${PUBLIC_LIMITS.name}" autocomplete="name" required value="${value(values, 'name')}">
<label for="phone">联系电话（必填）</label><input id="phone" name="phone" type="tel" maxlength="24" autocomplete="tel" required value="${value(values, 'phone')}">
<label for="content">事由（必填，${PUBLIC_LIMITS.content} 字以内）</label><textarea id="content" name="content" maxlength="${PUBLIC_LIMITS.content}" required>${value(values, 'content')}</textarea>
<button type="submit">提交留言</button>
</form>
<p class="note">${e(unit)}</p>`;
  return page(`${dept.name}留言卡 - ${unit}`, body);
}

export function renderVisitorLeft(unit: string, dept: { name: string }, name: string): string {
  return page(`留言已收到 - ${unit}`, `<h1>留言已收到</h1><p>${e(name)}，您好！您的留言已转${e(dept.name)}，工作人员返岗后将尽快与您联系。感谢您的耐心。</p><p class="note">${e(unit)}</p>`);
}

export const PUBLIC_PAGE = {
  notFound: () => page('未找到', '<h1>未找到该页面</h1><p>请核对链接。</p>'),
  tooLarge: () => page('内容过长', `<h1>提交的内容过长</h1><p>请精简后再提交（问题或事由不超过 ${PUBLIC_LIMITS.content} 字）。</p>`),
  tooMany: () => page('提交过于频繁', '<h1>提交过于频繁</h1><p>请稍后再试。如有急事，请直接致电本单位办公室。</p>'),
  nobody: () => page('暂不能留言', '<h1>暂不能留言</h1><p>该部室尚未设置工作人员，请联系本单位办公室。</p>'),
} as const;
