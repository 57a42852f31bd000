/** The month's 效能通报: in WeCom as markdown (within its 2048 bytes), and as a printable page. */
import type { Bulletin } from '../domain/evaluation/bulletin.ts';
import { DECISION_ZH, KIND_ZH } from './accountability-replies.ts';
import { periodTitle } from './evaluation-replies.ts';
import { byteLength, clipBytes, WECOM_TEXT_LIMIT } from './fit-bytes.ts';
import { formatInstant, nameOf } from './format.ts';

type Names = ReadonlyMap<string, string>;

export const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/** The bulletin for chat: each section as long as the message allows, then the link to the whole of it. */
export function renderBulletinMarkdown(b: Bulletin, unit: string, names: Names, departments: ReadonlyMap<string, string>, link: string | null): string {
  const who = (person: string | null, department: string | null) => `${person ? nameOf(names, person) : '—'}（${department ? (departments.get(department) ?? department) : '—'}）`;
  const sections: string[][] = [
    [`## ${unit}${periodTitle(b.month)}效能通报`],
    ['**各部室办结情况**', ...b.departments.map((d) => `- ${d.name}：办结 ${d.handled} 件，按时 ${percent(d.onTimeRate)}，超期 ${d.overdue} 件`)],
    [`**超期事项（${b.overdueCases.length} 件）**`, ...b.overdueCases.map((o) => `- #${o.caseNo} ${who(o.person, o.department)}`)],
    [`**效能记录认定（${b.decided.length} 条）**`, ...b.decided.map((d) => `- 记录 ${d.recordId} ${KIND_ZH[d.kind]}：${who(d.person, d.department)} ${DECISION_ZH[d.decision]}`)],
    [`**效能投诉**：受理 ${b.complaints.received} 件，已答复 ${b.complaints.answered} 件，属实 ${b.complaints.upheld} 件`],
    [
      `**重点工作任务**：逾期 ${b.keyTasks.red.length} 项，临期 ${b.keyTasks.yellow.length} 项`,
      ...b.keyTasks.red.map((t) => `- <font color="warning">逾期</font> ${t.title}：${who(t.owner, t.department)}`),
      ...b.keyTasks.yellow.map((t) => `- <font color="comment">临期</font> ${t.title}：${who(t.owner, t.department)}${t.next ? ` ${formatInstant(t.next)}` : ''}`),
    ],
  ];
  const tail = link ? [`[查看并打印通报全文](${link})`] : [];
  return fitSections(sections, tail);
}

/** Every section's heading stays; their lists give way from the end, each cut list saying how many are left out. */
function fitSections(sections: string[][], tail: string[]): string {
  const keep = sections.map((s) => s.length);
  const render = () =>
    [
      ...sections.flatMap((s, i) => {
        const shown = s.slice(0, keep[i]);
        const left = s.length - (keep[i] ?? s.length);
        return left > 0 ? [...shown, `- ……另有 ${left} 条，见通报全文`] : shown;
      }),
      ...tail,
    ].join('\n');
  for (let text = render(); byteLength(text) > WECOM_TEXT_LIMIT; text = render()) {
    const longest = keep.reduce((best, k, i) => (k > 1 && k > (keep[best] ?? 0) ? i : best), -1);
    if (longest < 0) return clipBytes(text);
    keep[longest] = (keep[longest] ?? 1) - 1;
  }
  return render();
}
