/** Texts of 设B岗 and 顶岗 (R7 §4–§5, R1 §3): the head's reply, the office's filing, the people told. */
import type { StandInProblem } from '../domain/coverage/stand-in.ts';
import { formatPeriod } from './absence-replies.ts';
import { nameOf } from './format.ts';

type Names = ReadonlyMap<string, string>;
type Period = { from: Date; to: Date };

/** Shown instead of running 设B岗 or 顶岗 for someone who heads no department. */
export const HEAD_ONLY = '抱歉，只有部室负责人可以调整本部室的岗位和安排顶岗，未作任何更改。';

/** Who a 设B岗 or 顶岗 names, when it is not one person. */
export type PersonProblem = { code: 'unknown_person'; ref: string } | { code: 'ambiguous_person'; ref: string; candidates: string[] };

export type SetBProblem =
  | PersonProblem
  | { code: 'unknown_post'; ref: string; department: string; posts: string[] }
  | { code: 'ambiguous_post'; ref: string; departments: string[] }
  | { code: 'is_a'; userid: string }
  | { code: 'already_b'; userid: string };

function personText(p: PersonProblem): string {
  return p.code === 'unknown_person' ? `本单位没有名为“${p.ref}”的人员，请核对姓名。` : `“${p.ref}”有 ${p.candidates.length} 位同名人员，请改写账号：${p.candidates.join('、')}。`;
}

function rejected(lines: string[]): string {
  const body = lines.length === 1 ? [`抱歉，${lines[0] ?? ''}`] : ['抱歉，未能办理，原因如下：', ...lines.map((l, i) => `${i + 1}. ${l}`)];
  return [...body, '本次未作任何更改。'].join('\n');
}

export function renderSetBRejected(problems: SetBProblem[], names: Names): string {
  return rejected(
    problems.map((p) => {
      switch (p.code) {
        case 'unknown_person':
        case 'ambiguous_person':
          return personText(p);
        case 'unknown_post':
          return `${p.department}没有名为“${p.ref}”的岗位。本部室岗位：${p.posts.join('、') || '（未设岗位）'}。`;
        case 'ambiguous_post':
          return `您负责的${p.departments.join('、')}都有“${p.ref}”岗位，请改在组织文件中调整。`;
        case 'is_a':
          return `${nameOf(names, p.userid)}是该岗位的A岗，B岗须由他人担任。`;
        case 'already_b':
          return `${nameOf(names, p.userid)}已是该岗位的B岗，无需调整。`;
      }
    }),
  );
}

export function renderBChanged(dept: string, post: string, oldB: string | null, newB: string, names: Names): string {
  const from = oldB ? `由${nameOf(names, oldB)}改为` : '设为';
  return `已将${dept}“${post}”岗位的B岗${from}${nameOf(names, newB)}，已报办公室备案。`;
}

export function renderYouAreB(head: string, dept: string, post: string, a: string, names: Names): string {
  return `${nameOf(names, head)}已将您设为${dept}“${post}”岗位（A岗 ${nameOf(names, a)}）的B岗。A岗不在岗时，请您顶岗，兼有其岗位职责（AB岗工作制度第四条）。`;
}

export function renderNoLongerB(head: string, dept: string, post: string, newB: string, names: Names): string {
  return `${nameOf(names, head)}已调整岗位：您不再担任${dept}“${post}”岗位的B岗，改由${nameOf(names, newB)}担任。`;
}

export function renderStandInRejected(problems: (StandInProblem | PersonProblem)[], names: Names, now: Date): string {
  return rejected(
    problems.map((p) => {
      switch (p.code) {
        case 'unknown_person':
        case 'ambiguous_person':
          return personText(p);
        case 'self':
          return '您是部室负责人，本就应主动顶岗，无需安排自己。';
        case 'in_past':
          return '顶岗时间已经过去，请写今天或以后的日期。';
        case 'overlap':
          return `与已安排的顶岗（${nameOf(names, p.with.userid)}，${formatPeriod(p.with, now)}）时间重叠。`;
        case 'stand_in_away':
          return `${nameOf(names, p.userid)}在此期间请假，不能顶岗。`;
      }
    }),
  );
}

const STAND_IN_SCOPE = '本部室人员及其B岗均不在岗时';

export function renderStandInNamed(who: string, dept: string, p: Period, names: Names, now: Date): string {
  return `已安排${nameOf(names, who)}于 ${formatPeriod(p, now)} 为${dept}顶岗：${STAND_IN_SCOPE}，由${nameOf(names, who)}代为履职。已报办公室备案。`;
}

/** To the office: filed the same day (R7 §5). */
export function renderStandInFiled(head: string, who: string, dept: string, p: Period, names: Names, now: Date): string {
  return `【顶岗安排备案】${dept}负责人${nameOf(names, head)}安排${nameOf(names, who)}于 ${formatPeriod(p, now)} 顶岗（${STAND_IN_SCOPE}代为履职）。（依据 AB岗工作制度 第四条、第五条，报办公室备案。）`;
}

export function renderYouStandIn(head: string, dept: string, p: Period, names: Names, now: Date): string {
  return `${nameOf(names, head)}安排您于 ${formatPeriod(p, now)} 为${dept}顶岗：${STAND_IN_SCOPE}，由您代为履职，兼有其岗位职责。届时发送“待办”可查看顶岗事项。`;
}
