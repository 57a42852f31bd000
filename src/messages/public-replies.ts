/** What staff hear of what the public sent through the pages (留言卡, R7 §6). */
import type { CaseRecord } from '../domain/case/case.ts';
import { deadlineLine } from './case-replies.ts';
import { formatInstant } from './format.ts';
import { clipBytes } from './fit-bytes.ts';

/** To the first of the department back at work. `handles`: the case is theirs now; else they cover its handler. */
export function renderVisitorMessageNotice(c: CaseRecord, at: Date, handles: boolean, _names: ReadonlyMap<string, string>, now: Date): string {
  return clipBytes(
    [
      `【留言卡】#${c.no} 来访人${c.applicant}${c.phone ? `（电话 ${c.phone}）` : ''}于 ${formatInstant(at)} 在部室无人时留言：`,
      c.matter,
      handles ? '您是返岗后第一位在岗人员，此事项已转由您办理。' : '承办人不在岗，由您顶岗办理。',
      '请及时与来访人联系，并按规定处理（AB岗工作制度第六条）。',
      deadlineLine(c, now),
      `办结请发送：办结 #${c.no} 办理结果`,
    ].join('\n'),
  );
}
