/**
 * The words of each chat command and how 帮助 presents it. Keyed by command name: a command module
 * in src/bot/commands without its entry here does not compile, and an entry without a module fails
 * the registry test.
 */
export interface CommandText {
  /** What the command is typed as; the first is its name in 帮助 and in suggestions. Matched case-insensitively. */
  readonly words: readonly [string, ...string[]];
  /** The syntax, with #编号 for the case number and [ ] for what may be left out. */
  readonly usage: string;
  /** One message that works as typed (a test parses every example). */
  readonly example: string;
  /** A few words on what it does, for 帮助. */
  readonly purpose: string;
  /** More lines under the entry in 帮助. */
  readonly notes?: readonly string[];
  /** Shown instead of running it when the sender's role may not use it. */
  readonly notAllowed?: string;
}

/** The categories 登记 takes, as 帮助 and the parse errors name them. */
export const REGISTER_CATEGORIES = '审核、批复、咨询、维权、内部、请示，或服务事项编号、名称';

export const COMMAND_TEXTS = {
  help: { words: ['帮助', '?', 'help', '菜单'], usage: '帮助', example: '帮助', purpose: '查看命令' },
  register: {
    words: ['登记'],
    usage: '登记 [渠道] 类别 当事人 [电话] 事由',
    example: '登记 来电 咨询 张三 13800000000 科普项目申报条件',
    purpose: '登记新事项',
    notes: ['渠道：来人（默认）、来电、来信、网上', `类别：${REGISTER_CATEGORIES}`, '内部事项加“期限 12月5日 17:30”', '当场答复的，事由后加“即答 答复内容”，登记即办结'],
  },
  finish: { words: ['办结'], usage: '办结 #编号 结果', example: '办结 #12 已电话答复', purpose: '办完，写明结果' },
  transfer: { words: ['转办'], usage: '转办 #编号 人名或部门', example: '转办 #12 科普部', purpose: '本单位内转办' },
  sendBack: { words: ['退回'], usage: '退回 #编号 理由', example: '退回 #12 不属本部门职责，应由学会部办理', purpose: '退回转办人' },
  referOut: { words: ['外转'], usage: '外转 #编号 单位 说明', example: '外转 #12 市人社局 职称评审由该局负责', purpose: '不属本单位职责' },
  requestMaterials: { words: ['补正'], usage: '补正 #编号 材料、材料', example: '补正 #12 申报书、推荐意见', purpose: '一次性告知补正' },
  materialsComplete: { words: ['补齐'], usage: '补齐 #编号', example: '补齐 #12', purpose: '材料已补齐' },
  refuse: { words: ['拒绝'], usage: '拒绝 #编号 理由', example: '拒绝 #12 不符合申报条件', purpose: '报分管领导' },
  extend: {
    words: ['延期'],
    usage: '延期 #编号 天数 理由',
    example: '延期 #12 3 需赴外地核实情况',
    purpose: '期限前申请延期，报分管领导',
    notes: ['天数为工作日，1 至 30 天；办理期限过后不能再申请'],
  },
  urgent: { words: ['紧急'], usage: '紧急 #编号 说明', example: '紧急 #12 多人集体来访', purpose: '报主要负责人' },
  leave: { words: ['请假'], usage: '请假 起 止 [事由]', example: '请假 12月1日 12月3日 年休假', purpose: 'B岗接替' },
  endLeave: { words: ['销假'], usage: '销假', example: '销假', purpose: '结束请假' },
  standIn: {
    words: ['顶岗'],
    usage: '顶岗 姓名 起 止',
    example: '顶岗 王芳 12月2日 12月4日',
    purpose: '部室负责人：安排他人顶岗',
    notes: ['期间本部室人员及其B岗均不在岗时，由其代为履职；报办公室备案'],
    notAllowed: '抱歉，只有部室负责人可以调整本部室的岗位和安排顶岗，未作任何更改。',
  },
  setB: {
    words: ['设B岗'],
    usage: '设B岗 岗位 姓名',
    example: '设B岗 科普项目申报 王芳',
    purpose: '部室负责人：调整B岗',
    notes: ['当日报办公室备案'],
    notAllowed: '抱歉，只有部室负责人可以调整本部室的岗位和安排顶岗，未作任何更改。',
  },
  todo: { words: ['待办'], usage: '待办', example: '待办', purpose: '我的待办' },
  show: { words: ['查'], usage: '查 #编号', example: '查 #12', purpose: '事项详情' },
  complain: { words: ['投诉'], usage: '投诉 内容', example: '投诉 科普部电话无人接听', purpose: '效能投诉' },
  guide: { words: ['指南', '服务指南'], usage: '指南 事项', example: '指南 科普项目申报', purpose: '服务指南' },
  approve: { words: ['同意'], usage: '同意 #编号', example: '同意 #12', purpose: '领导：同意不予办理' },
  overturn: { words: ['纠正'], usage: '纠正 #编号 意见', example: '纠正 #12 请补充材料后受理', purpose: '领导：予以纠正' },
  escalate: { words: ['上报'], usage: '上报 #编号 [说明]', example: '上报 #12 涉及重大利益', purpose: '领导：报主要负责人' },
  approveExtension: { words: ['同意延期'], usage: '同意延期 #编号 [说明]', example: '同意延期 #12', purpose: '领导：同意延期' },
  refuseExtension: { words: ['不同意延期'], usage: '不同意延期 #编号 [理由]', example: '不同意延期 #12 请按期办结', purpose: '领导：不同意延期' },
  noticeGiven: { words: ['告知'], usage: '告知 #编号 方式', example: '告知 #12 已邮寄不予办理告知书', purpose: '不予办理已书面告知' },
  keyTasks: {
    words: ['任务', '重点任务', '我的任务'],
    usage: '任务 [编号]',
    example: '任务',
    purpose: '我的重点任务',
  },
  progress: {
    words: ['进展'],
    usage: '进展 编号 百分比|阶段完成|完成 说明',
    example: '进展 3 50% 已完成中期自评',
    purpose: '报告任务进展',
  },
  answerComplaint: {
    words: ['答复投诉'],
    usage: '答复投诉 编号 属实|不属实 答复',
    example: '答复投诉 3 属实 已约谈承办人并督促办结',
    purpose: '办公室：答复效能投诉',
    notAllowed: '抱歉，效能投诉由办公室答复，您不是办公室工作人员，未作任何更改。',
  },
  decideRecord: {
    words: ['处理'],
    usage: '处理 编号 批评教育|通报批评|书面告诫|诫勉谈话|不予追究 [责任人 姓名] [说明]',
    example: '处理 12 批评教育 已当面提醒按时办结',
    purpose: '办公室：认定效能记录',
    notAllowed: '抱歉，效能记录由办公室认定处理，您不是办公室工作人员，未作任何更改。',
  },
  evaluate: {
    words: ['考评'],
    usage: '考评 期间 [定稿]',
    example: '考评 2026上半年',
    purpose: '效能考评排名；办公室加“定稿”',
    notAllowed: '抱歉，考评结果供办公室和单位领导查看，未作任何更改。',
  },
  rate: {
    words: ['回访'],
    usage: '回访 #编号 非常满意|满意|基本满意|不满意|非常不满意 [说明]',
    example: '回访 #12 满意',
    purpose: '登记当事人评价',
  },
  rectify: { words: ['整改'], usage: '整改 #编号 整改情况', example: '整改 #12 已重新电话答复并致歉', purpose: '不满意评价已整改' },
  bulletin: {
    words: ['通报'],
    usage: '通报 [月份]',
    example: '通报 11月',
    purpose: '办公室：月度效能通报',
    notAllowed: '抱歉，效能通报由办公室发布，您不是办公室工作人员，未作任何更改。',
  },
  giveStatement: { words: ['申辩'], usage: '申辩 编号 说明', example: '申辩 12 当日系统故障，已于次日上午办结', purpose: '对效能记录说明情况' },
} as const satisfies Record<string, CommandText>;

export type CommandName = keyof typeof COMMAND_TEXTS;

/** What each field of a command is called when it is missing ("请写上…"). */
export const FIELD_LABELS: Record<string, string> = {
  applicant: '当事人',
  phone: '电话',
  matter: '事由',
  result: '办理结果',
  target: '转给谁（人名或部门）',
  competentBody: '承办单位',
  explanation: '说明',
  materials: '需要补正的材料',
  reason: '理由',
  note: '说明',
  content: '投诉内容',
  query: '要查询的事项',
  instruction: '纠正意见',
  how: '告知方式（如：已邮寄告知书）',
  from: '开始日期',
  to: '结束日期',
  complaintId: '投诉编号（格式：答复投诉 编号 属实|不属实 答复内容）',
  verdict: '核查结论“属实”或“不属实”',
  answer: '答复内容',
  recordId: '记录编号（如：处理 12 批评教育）',
  decision: '处理决定：批评教育、通报批评、书面告诫、诫勉谈话 或 不予追究',
  responsible: '责任人姓名',
  statement: '申辩说明',
  period: '考评期间（如 2026上半年、2026年、12月）',
  rating: '回访评价：非常满意、满意、基本满意、不满意 或 非常不满意',
  taskNo: '任务编号，如：进展 3 50% 说明',
  progress: '进展：百分比（如 50%）、“阶段完成”或“完成”',
  days: '延期天数（工作日，如 3）',
  post: '岗位名称',
  person: 'B岗人员姓名',
};
