import type { RecordDecision } from '../../../domain/accountability/accountability-record.ts';

/** The words a workbench form puts into the chat command it stands for (处理, 答复投诉, 考评 … 定稿). */
export const DECISION_WORDS_ZH: Record<RecordDecision, string> & { upheld: string; notUpheld: string; freeze: string } = {
  criticism: '批评教育',
  public_criticism: '通报批评',
  written_warning: '书面告诫',
  admonition: '诫勉谈话',
  no_action: '不予追究',
  upheld: '属实',
  notUpheld: '不属实',
  freeze: '定稿',
};
