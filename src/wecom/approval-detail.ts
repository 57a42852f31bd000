import { z } from 'zod';
import type { WeComApiClient } from './api-client.ts';

/** An 审批 form as getapprovaldetail (91983) returns it, reduced to what a leave needs. */
export interface ApprovalDetail {
  spNo: string;
  spName: string;
  /** 1 审批中, 2 已通过, 3 已驳回, 4 已撤销, 6 通过后撤销, 7 已删除, 10 已支付 (91815). */
  spStatus: number;
  templateId: string;
  applicant: string;
  /** The leave's or trip's period, from its Vacation or Attendance control; absent when the form has none. */
  period?: { from: Date; to: Date };
}

const dateRange = z.object({
  type: z.string().optional(),
  new_begin: z.number(),
  new_end: z.number(),
});
const content = z.looseObject({
  control: z.string(),
  value: z
    .looseObject({
      vacation: z.looseObject({ attendance: z.looseObject({ date_range: dateRange }) }).optional(),
      attendance: z.looseObject({ date_range: dateRange }).optional(),
    })
    .optional(),
});
const detailAnswer = z.looseObject({
  info: z.looseObject({
    sp_no: z.union([z.string(), z.number()]).transform(String),
    sp_name: z.string().default(''),
    sp_status: z.number(),
    template_id: z.string(),
    applyer: z.looseObject({ userid: z.string() }),
    apply_data: z.looseObject({ contents: z.array(content).default([]) }).default({ contents: [] }),
  }),
});

const HALF_DAY_MS = 12 * 3600_000;

/**
 * POST /cgi-bin/oa/getapprovaldetail {"sp_no"} (91983). A leave is `control: "Vacation"` with
 * value.vacation.attendance.date_range, 出差/外出 are `control: "Attendance"` with
 * value.attendance.date_range; both in unix seconds. A half-day range's end names the start of its
 * last half day (UNCONFIRMED, docs/PROTOCOL.md §11), so the absence runs to the end of that half.
 */
export async function fetchApprovalDetail(api: Pick<WeComApiClient, 'call'>, spNo: string): Promise<ApprovalDetail> {
  const { info } = detailAnswer.parse(await api.call('POST', '/cgi-bin/oa/getapprovaldetail', { sp_no: spNo }));
  const range = info.apply_data.contents
    .map((c) => (c.control === 'Vacation' ? c.value?.vacation?.attendance.date_range : c.control === 'Attendance' ? c.value?.attendance?.date_range : undefined))
    .find((r) => r !== undefined);
  const detail: ApprovalDetail = { spNo: info.sp_no, spName: info.sp_name, spStatus: info.sp_status, templateId: info.template_id, applicant: info.applyer.userid };
  if (range) {
    const from = new Date(range.new_begin * 1000);
    const end = range.new_end * 1000;
    const to = new Date(range.type === 'halfday' ? end + HALF_DAY_MS - 1 : end);
    if (to > from) detail.period = { from, to };
  }
  return detail;
}
