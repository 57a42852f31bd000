import type { CommandType } from './command.ts';

export interface CommandUsage {
  /** The syntax as in CONTRACT.md, with #编号 for the case number. */
  readonly usage: string;
  readonly example: string;
  /** A few words on what it does, for 帮助. */
  readonly purpose: string;
}

/** Usage and one example per command: shown by 帮助 and under every parse-error answer. */
export const COMMAND_USAGE: Record<CommandType, CommandUsage> = {
  help: { usage: '帮助', example: '帮助', purpose: '查看命令' },
  register: {
    usage: '登记 [渠道] 类别 当事人 [电话] 事由',
    example: '登记 来电 咨询 张三 13800000000 科普项目申报条件',
    purpose: '登记新事项',
  },
  finish: { usage: '办结 #编号 结果', example: '办结 #12 已电话答复', purpose: '办完，写明结果' },
  transfer: { usage: '转办 #编号 人名或部门', example: '转办 #12 科普部', purpose: '本单位内转办' },
  referOut: { usage: '外转 #编号 单位 说明', example: '外转 #12 市人社局 职称评审由该局负责', purpose: '不属本单位职责' },
  requestMaterials: { usage: '补正 #编号 材料、材料', example: '补正 #12 申报书、推荐意见', purpose: '一次性告知补正' },
  materialsComplete: { usage: '补齐 #编号', example: '补齐 #12', purpose: '材料已补齐' },
  refuse: { usage: '拒绝 #编号 理由', example: '拒绝 #12 不符合申报条件', purpose: '报分管领导' },
  urgent: { usage: '紧急 #编号 说明', example: '紧急 #12 多人集体来访', purpose: '报主要负责人' },
  leave: { usage: '请假 起 止 [事由]', example: '请假 12月1日 12月3日 年休假', purpose: 'B岗接替' },
  endLeave: { usage: '销假', example: '销假', purpose: '结束请假' },
  todo: { usage: '待办', example: '待办', purpose: '我的待办' },
  show: { usage: '查 #编号', example: '查 #12', purpose: '事项详情' },
  complain: { usage: '投诉 内容', example: '投诉 科普部电话无人接听', purpose: '效能投诉' },
  guide: { usage: '指南 事项', example: '指南 科普项目申报', purpose: '服务指南' },
  approve: { usage: '同意 #编号', example: '同意 #12', purpose: '领导：同意不予办理' },
  overturn: { usage: '纠正 #编号 意见', example: '纠正 #12 请补充材料后受理', purpose: '领导：予以纠正' },
  escalate: { usage: '上报 #编号 [说明]', example: '上报 #12 涉及重大利益', purpose: '领导：报主要负责人' },
  noticeGiven: { usage: '告知 #编号 方式', example: '告知 #12 已邮寄不予办理告知书', purpose: '不予办理已书面告知' },
};
