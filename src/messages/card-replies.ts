/** Texts a click on a 否定报备 card can earn (the card itself shows the outcome when it can be updated). */
import type { RefusalFilingRecord } from '../domain/case/refusal.ts';
import { nameOf } from './format.ts';

type Names = ReadonlyMap<string, string>;

export const CARD_REPLIES = {
  unknownCard: '这张卡片已失效，无法据此操作。如需处理报备，请发送“同意 #编号”“纠正 #编号 意见”或“上报 #编号 说明”。',
  unknownTask: '这张卡片已失效，未作更改。发送“待办”可查看您的事项。',
  unknownExtensionButton: (no: number) => `无法识别此操作。#${no} 的延期申请请用卡片按钮，或回复“同意延期 #${no}”“不同意延期 #${no}”。`,
  unknownButton: (no: number) => `无法识别此操作。#${no} 的报备请用卡片按钮，或回复“同意 #${no}”“纠正 #${no} 意见”。`,
} as const;

/** Someone who is not the card's addressee pressed its button (a forwarded or forged click). */
export function renderNotYourCard(no: number, addressee: string, names: Names): string {
  return `#${no} 的不予办理报备是请${nameOf(names, addressee)}决定的，您的操作未生效。`;
}

/** 予以纠正 pressed: the decision waits for the instruction, which goes to the handler. */
export function renderOverturnPrompt(no: number, handler: string, names: Names): string {
  return `请回复“纠正 #${no} 意见”，写明如何继续办理；意见将发送承办人${nameOf(names, handler)}。回复前报备仍待决定。`;
}

/** A click on a filing that is no longer open for the clicker: what happened instead. */
export function renderNoLongerOpen(no: number, f: RefusalFilingRecord, names: Names): string {
  const by = f.decidedBy ? nameOf(names, f.decidedBy) : '';
  switch (f.status) {
    case 'escalated':
      return `#${no} 的报备已提交主要负责人${nameOf(names, f.escalatedTo ?? '')}决定，您的操作未生效。`;
    case 'approved':
      return `#${no} 的报备已由${by}同意不予办理，您的操作未生效。`;
    case 'overturned':
      return `#${no} 的报备已由${by}予以纠正，您的操作未生效。`;
    case 'lapsed':
      return `#${no} 的报备已无需决定，您的操作未生效。`;
    case 'pending':
      return `#${no} 的报备正等待分管领导${nameOf(names, f.leader)}决定，您的操作未生效。`;
  }
}
