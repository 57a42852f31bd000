import { buildApprovalChangeXml } from '../build-system-event-xml.ts';

/** One form in the fake's 审批 app: a leave (Vacation control) or a trip (Attendance control). */
export interface FakeApproval {
  spNo: string;
  spName: string;
  spStatus: number;
  templateId: string;
  applicant: string;
  control: 'Vacation' | 'Attendance';
  begin: Date;
  end: Date;
}

export interface FakeApprovals {
  /** Files a form (status 1, 审批中) and returns its SpNo. */
  submit(a: Omit<FakeApproval, 'spNo' | 'spStatus'>): string;
  /** Moves a form to a status (2 approved, 3 rejected, 6 revoked after approval …). */
  setStatus(spNo: string, spStatus: number): void;
  /** The sys_approval_change event WeCom would send now for the form (decrypted XML). */
  eventXml(spNo: string, corpId: string, createTime: number): string;
  /** getapprovaldetail's answer, or undefined for an unknown SpNo. */
  detail(spNo: string): Record<string, unknown> | undefined;
}

export function createFakeApprovals(): FakeApprovals {
  const forms = new Map<string, FakeApproval>();
  let seq = 0;
  const get = (spNo: string) => {
    const form = forms.get(spNo);
    if (!form) throw new Error(`fake WeCom: no approval ${spNo}`);
    return form;
  };
  return {
    submit(a) {
      const spNo = `20261201${String(++seq).padStart(4, '0')}`;
      forms.set(spNo, { ...a, spNo, spStatus: 1 });
      return spNo;
    },
    setStatus(spNo, spStatus) {
      get(spNo).spStatus = spStatus;
    },
    eventXml(spNo, corpId, createTime) {
      const f = get(spNo);
      return buildApprovalChangeXml({ toUser: corpId, createTime, spNo, spName: f.spName, spStatus: f.spStatus, templateId: f.templateId, applicant: f.applicant });
    },
    detail(spNo) {
      const f = forms.get(spNo);
      if (!f) return undefined;
      const date_range = { type: 'hour', new_begin: Math.floor(f.begin.getTime() / 1000), new_end: Math.floor(f.end.getTime() / 1000), new_duration: Math.floor((f.end.getTime() - f.begin.getTime()) / 1000) };
      const value = f.control === 'Vacation' ? { vacation: { selector: { type: 'single', options: [] }, attendance: { date_range, type: 1 } } } : { attendance: { date_range, type: 4 } };
      return {
        info: {
          sp_no: f.spNo,
          sp_name: f.spName,
          sp_status: f.spStatus,
          template_id: f.templateId,
          apply_time: Math.floor(f.begin.getTime() / 1000),
          applyer: { userid: f.applicant, partyid: '1' },
          sp_record: [],
          notifyer: [],
          apply_data: { contents: [{ control: f.control, id: 'vacation-1', title: [{ text: f.spName, lang: 'zh_CN' }], value }] },
          comments: [],
        },
      };
    },
  };
}
