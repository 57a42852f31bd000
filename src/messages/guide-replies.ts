import type { ServiceInfo } from '../domain/org/org-records.ts';
import type { TimeLimitClass } from '../domain/time-limit-class.ts';
import { clip } from '../shared/clip.ts';
import { CLASS_ZH } from './format.ts';
import { clipBytes, fitList } from './fit-bytes.ts';

/** 限时办结制 §2 (R3), per class, as the public reads it. */
export const CLASS_LIMIT_ZH: Record<TimeLimitClass, string> = {
  review: '1 个工作日',
  approval: '3 个工作日',
  consultation: '即时答复；不能即时答复的，3 个工作日内答复',
  rights: '15 个工作日内提出具体办理结果',
  internal: '按领导交办要求的期限办结',
  instruction: '3 个工作日；逾期未反馈办理意见的，视为同意',
};

/** The time-limit lines of a service: its class's limit, and the promised and statutory limits when set. */
export function timeLimitLines(s: Pick<ServiceInfo, 'cls' | 'promisedDays' | 'statutoryDays'>): string[] {
  const lines = [`办理时限：${CLASS_LIMIT_ZH[s.cls]}（${CLASS_ZH[s.cls]}）`];
  // 限时办结制 §3: a promise can only be shorter than the law's limit; one that is not says so.
  const notShorter = s.promisedDays !== null && s.statutoryDays !== null && s.promisedDays >= s.statutoryDays;
  if (s.promisedDays !== null) lines.push(`承诺时限：${s.promisedDays} 个工作日${notShorter ? '（与法定时限相同，未作更短承诺）' : ''}`);
  if (s.statutoryDays !== null) lines.push(`法定时限：${s.statutoryDays} 个工作日`);
  return lines;
}

export function servicePageUrl(publicBaseUrl: string, code: string): string {
  return `${publicBaseUrl}/services/${encodeURIComponent(code)}`;
}

/** 指南: basis, time limit, procedure and every material (numbered), within WeCom's 2048 bytes. */
export function renderGuide(s: ServiceInfo, department: string, publicBaseUrl: string): string {
  const head = [
    `【服务指南】${s.code} ${s.name}`,
    `承办部室：${department}`,
    clipBytes(`办理依据：${s.basis}`, 500),
    ...timeLimitLines(s),
    clipBytes(`办理程序：${s.procedure}`, 500),
    `所需材料（共 ${s.materials.length} 项）：`,
  ];
  const items = s.materials.map((m, i) => `${i + 1}. ${m}`);
  const tail = [`可打印的服务指南：${servicePageUrl(publicBaseUrl, s.code)}`];
  return fitList(head, items, tail, () => `……共 ${s.materials.length} 项，完整清单见下方链接`);
}

type Listed = { service: ServiceInfo; department: string };

const line = (x: Listed) => `${x.service.code} ${x.service.name}（${x.department}）`;

export function renderSeveral(query: string, found: Listed[]): string {
  const head = [`与“${clip(query)}”相关的事项有 ${found.length} 个：`];
  return fitList(head, found.map(line), ['请发送“指南 编号”查看详情，如“指南 ' + (found[0]?.service.code ?? 'KP-01') + '”。'], (n) => `……另有 ${n} 个`);
}

export function renderClose(query: string, close: Listed[]): string {
  const head = [`未找到“${clip(query)}”。您是否要找：`];
  return fitList(head, close.map(line), ['请发送“指南 编号”查看详情，如“指南 ' + (close[0]?.service.code ?? '') + '”。'], (n) => `……另有 ${n} 个`);
}

export function renderNoService(query: string, catalog: Listed[], publicBaseUrl: string): string {
  if (catalog.length === 0) return '本单位尚未公布服务事项清单。如需办事，请联系办公室。';
  const head = [`未找到“${clip(query)}”。本单位公开的服务事项有：`];
  const tail = ['请发送“指南 编号”查看详情。', `全部事项：${publicBaseUrl}/services`];
  return fitList(head, catalog.map(line), tail, (n) => `……另有 ${n} 个`);
}
