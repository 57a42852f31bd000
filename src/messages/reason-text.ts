import { formatInstant } from './format.ts';
import type { CaseAction } from '../domain/case/authorization.ts';
import type { CaseRecord } from '../domain/case/case.ts';
import type { Reason } from '../domain/case/decision.ts';
import { STATUS_ZH, formatDeadline, nameOf } from './format.ts';

type Names = ReadonlyMap<string, string>;

const VERB: Record<CaseAction, string> = {
  view: '查看',
  finish: '办结',
  transfer: '转办',
  sendBack: '退回',
  referOut: '外转',
  urgent: '报告紧急情况',
  requestMaterials: '出具补正告知',
  materialsComplete: '登记补齐',
  refuse: '提出不予办理报备',
  decideRefusal: '决定报备',
  decideEscalated: '决定报备',
  noticeGiven: '登记书面告知',
  extend: '申请延期',
  decideExtension: '决定延期',
  deemApprove: '认定视为同意',
};

/** Hints for the statuses people most often meet by mistake: what to do instead. */
const STATUS_HINT: Partial<Record<CaseAction, string>> = {
  requestMaterials: '如当事人已补交材料，请先发送“补齐 #{no}”，仍有问题再补正。',
  materialsComplete: '只有待补正材料的事项才能登记补齐。',
  decideRefusal: '该事项目前没有待决定的不予办理报备。',
  extend: '只有办理中的事项（计时未暂停）才能申请延期。',
};

/** One reason why a command changed nothing, in a sentence that says what to do. */
export function reasonText(c: CaseRecord, r: Reason, names: Names): string {
  switch (r.code) {
    case 'not_allowed':
      return notAllowedText(c, r.action, r.by ?? null, names);
    case 'wrong_status': {
      const hint = STATUS_HINT[r.action]?.replace('{no}', String(c.no)) ?? '';
      return `事项当前状态为“${STATUS_ZH[r.status]}”，不能${VERB[r.action]}。${hint}`;
    }
    case 'same_handler':
      return `${nameOf(names, r.userid)}已是本事项的承办人，无需转办。`;
    case 'unknown_target':
      return `本单位没有名为“${r.ref}”的人员或部室，请核对姓名或部室名称。`;
    case 'ambiguous_target':
      return `“${r.ref}”有 ${r.candidates.length} 位同名人员，请改写账号：${r.candidates.join('、')}。`;
    case 'not_transferred':
      return '本事项不是转办给您的，不能退回；如不属您的职责，请发送“转办 #编号 人名或部门”。';
    case 'referrer_gone':
      return `转办人${nameOf(names, r.userid)}已不在工作人员名单中，无法退回，请改为转办给具体人员或部室。`;
    case 'empty_department':
      return `部室“${r.ref}”暂无可承办的人员，请转给具体人员。`;
    case 'unknown_material':
      return `“${r.name}”不在本事项的材料清单中。`;
    case 'bad_material_index':
      return `没有第 ${r.index} 项材料（本事项共 ${r.count} 项）。`;
    case 'no_service_materials':
      return '本事项未关联服务事项清单，不能用序号或“全部”，请写出材料名称。';
    case 'no_leader':
      return '承办部室未设分管领导，无法报备，请联系办公室。';
    case 'no_principal':
      return '无法上报：未设主要负责人，或您本人即为主要负责人（请直接同意或纠正）。';
    case 'missing_instruction':
      return '请写上纠正意见，如“纠正 #12 请补充材料后受理”。';
    case 'not_instruction':
      return '只有请示性事项逾期才视为同意。';
    case 'notice_already_given':
      return `书面告知已于 ${formatInstant(r.at)} 登记，无需重复登记。`;
    case 'not_due':
      return '尚未超过办理期限（或正在等待补正材料）。';
    case 'no_deadline':
      return '本事项未设办理期限，无需延期。';
    case 'deadline_passed':
      return `办理期限（${formatDeadline(r.dueAt, r.dueAt)}）已过，不能再延期，事项按超期处理。请尽快办结。`;
    case 'instruction_no_extension':
      return '请示性事项逾期未答复即视为同意（限时办结制第五条），不能延期，请在期限内答复。';
    case 'extension_pending':
      return `已有一份延期 ${r.days} 个工作日的申请等待${nameOf(names, r.leader)}决定，请勿重复申请。`;
  }
}

function notAllowedText(c: CaseRecord, action: CaseAction, by: string | null, names: Names): string {
  const handler = nameOf(names, c.handler);
  switch (action) {
    case 'transfer':
    case 'urgent':
      return `此操作只能由承办人${handler}、首问责任人${nameOf(names, c.firstResponder)}或顶岗人员办理。`;
    case 'decideRefusal':
      return `此报备只能由报送的分管领导${by ? nameOf(names, by) : ''}决定。`;
    case 'decideEscalated':
      return `此报备已上报，只能由主要负责人${by ? nameOf(names, by) : ''}决定。`;
    case 'deemApprove':
      return '视为同意只能由系统按期限认定。';
    case 'decideExtension':
      return `此延期申请只能由报送的分管领导${by ? nameOf(names, by) : ''}决定。`;
    case 'view':
      return '此操作仅限本单位工作人员。';
    default:
      return `此操作只能由承办人${handler}或其 B 岗顶岗人员办理。`;
  }
}

/** The people a list of reasons names, so the reply can show their names. */
export function peopleInReasons(c: CaseRecord, reasons: readonly Reason[]): string[] {
  const ids = [c.handler, c.firstResponder];
  for (const r of reasons) {
    if (r.code === 'not_allowed' && r.by) ids.push(r.by);
    if (r.code === 'same_handler') ids.push(r.userid);
    if (r.code === 'extension_pending') ids.push(r.leader);
  }
  return ids;
}
