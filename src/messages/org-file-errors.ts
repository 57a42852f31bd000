/**
 * The sentences of the organization file's error list (parse-org-file.ts, check-org-references.ts,
 * read-org-file.ts). Those files decide WHICH problem it is and where; the wording lives here.
 * A located message is written as `ORG_FILE.located` puts it: "path：message（第 N 行）".
 */

/** Whole-file problems, and how one located problem is written. */
export const ORG_FILE = {
  unparsable: (detail: string) => `无法解析组织文件：${detail}`,
  notText: '组织文件内容应为文本',
  empty: '组织文件为空',
  topLevelNotMapping: (actual: string) => `组织文件的顶层应为键值映射（如 unit: 滨州市科学技术协会），实际是${actual}`,
  /** What the path of a problem with the file as a whole is called. */
  wholeFile: '组织文件',
  yamlSyntax: (line: number, col: number, description: string) => `第 ${line} 行第 ${col} 列：YAML 语法错误，${description}`,
  /** `line` is that of the nearest node on the path, when there is one. */
  located: (path: string, message: string, line: number | undefined) =>
    `${path}：${message}${line === undefined ? '' : `（第 ${line} 行）`}`,
} as const;

/** What follows "YAML 语法错误，", by the YAML library's error code. */
export const ORG_YAML_ERROR = {
  unclosedBracket: '方括号或花括号未闭合（检查本行及上一行）',
  badIndent: '缩进不正确',
  tabIndent: '不能用 Tab 缩进，请改用空格',
  duplicateKey: '同一层级中键重复',
  unclosedQuote: '引号未闭合',
  missingColonOrValue: '键后缺少冒号或值',
  missingChar: '缺少必要的字符（如冒号、引号或括号）',
  multipleDocs: '文件中只能有一个 YAML 文档（请删除多余的 ---）',
  badImplicitKey: '键的写法或缩进不正确',
  unexpectedToken: '出现了意外的内容（检查括号、冒号和缩进）',
  badScalarStart: '值不能以此字符开头，请给值加引号',
  badDoubleQuoteEscape: '双引号中的转义字符无效',
  badAlias: '别名（*）引用无效',
  other: (code: string, firstLine: string) => `${code}：${firstLine}`,
} as const;

/** How a value found in the file is named in "实际是…". */
export const ORG_VALUE_TYPE = {
  empty: '空值',
  list: '列表',
  text: '文本',
  number: '数字',
  boolean: '布尔值',
  mapping: '键值映射',
} as const;

/** Schema problems of one field. `actual` is an ORG_VALUE_TYPE name. */
export const ORG_SCHEMA_ERROR = {
  required: '缺少必填项',
  empty: '不能为空',
  invalidUserid: (input: string) =>
    `用户 ID "${input}" 不符合企业微信规则（1–64 位字母、数字或 _ - . @，须以字母或数字开头）`,
  expectedTextQuote: (actual: string) => `应为文本，实际是${actual}（请给值加引号）`,
  expectedText: (actual: string) => `应为文本，实际是${actual}`,
  invalidPhone: (input: string) => `电话 "${input}" 无效，应为数字，可含 - ( ) 空格 和“转”分机号`,
  expectedMaterialsList: (actual: string) => `应为列表（如 [申报书, 单位推荐意见]），实际是${actual}`,
  expectedList: (actual: string) => `应为列表（每项以 - 开头），实际是${actual}`,
  expectedMapping: (actual: string) => `应为键值映射，实际是${actual}`,
  expectedIntegerType: (actual: string) => `应为整数，实际是${actual}`,
  expectedInteger: (input: string) => `应为整数，实际是 ${input}`,
  wrongType: (actual: string) => `类型不正确，实际是${actual}`,
  atLeastOne: '至少需要一项',
  expectedPositiveInteger: (input: string) => `应为正整数，实际是 ${input}`,
  negative: (input: string) => `不能小于 0，实际是 ${input}`,
  tooLong: (maximum: string) => `过长（最多 ${maximum} 个字符）`,
  tooBig: (maximum: string, input: string) => `不能大于 ${maximum}，实际是 ${input}`,
  requiredOneOf: (allowed: readonly string[]) => `缺少必填项（应为 ${allowed.join('、')} 之一）`,
  /** `isClass`: the field is a service's `class` (时限类别). */
  invalidValue: (isClass: boolean, input: string, allowed: readonly string[]) =>
    `${isClass ? '时限类别' : '值'} "${input}" 无效，应为 ${allowed.join('、')} 之一`,
  /** `allowed`: the fields of that section, when known. */
  unknownField: (allowed: readonly string[] | undefined) => `未知字段${allowed ? `（可用字段：${allowed.join(', ')}）` : ''}`,
} as const;

/** The evaluation scheme's values taken together. */
export const ORG_SCHEME_ERROR = {
  gradesOutOfOrder: '等次分数线应为 excellent（优秀）> good（良好）> pass（合格）',
  gradeAboveBase: (base: number) => `等次分数线不能高于基础分 ${base}`,
} as const;

/** Cross-reference problems: people, departments, posts and services that name each other. */
export const ORG_REFERENCE_ERROR = {
  duplicateDepartmentKey: (key: string, first: string) => `部门代码 "${key}" 重复（与 ${first} 相同）`,
  duplicateDepartmentName: (name: string, first: string) => `部门名称 "${name}" 重复（与 ${first} 相同）`,
  duplicateWecomDepartment: (id: number, first: string) => `企业微信部门 ID ${id} 已在 ${first} 中对应，一个企业微信部门只能对应一个部室`,
  duplicateUser: (id: string, first: string) => `用户 "${id}" 重复（与 ${first} 相同）`,
  userDiffersOnlyInCase: (id: string, first: string, firstUserid: string) =>
    `用户 "${id}" 与 ${first} 的 "${firstUserid}" 仅大小写不同，企业微信视为同一账号`,
  unknownDepartment: (key: string) => `部门 "${key}" 不存在`,
  unknownUserDidYouMean: (id: string, similar: string) => `用户 "${id}" 不在 staff 中（是否应为 "${similar}"？大小写需一致）`,
  unknownUser: (id: string) => `用户 "${id}" 不在 staff 中`,
  bSameAsA: (a: string) => `B 岗与 A 岗是同一人 "${a}"，B 岗须由他人担任`,
  duplicatePost: (department: string, name: string, first: string) =>
    `部门 "${department}" 的岗位 "${name}" 重复（与 ${first} 相同）`,
  unknownService: (code: string) => `事项编码 "${code}" 不在 services 中`,
  duplicateServiceCode: (code: string, first: string) => `事项编码 "${code}" 重复（与 ${first} 相同）`,
  duplicateServiceName: (name: string, first: string) => `事项名称 "${name}" 重复（与 ${first} 相同）`,
  /** `firstItem` is 1-based. */
  duplicateMaterial: (material: string, firstItem: number) => `材料 "${material}" 重复（与第 ${firstItem} 项相同）`,
  promiseLongerThanStatute: (promised: number, statutory: number) =>
    `承诺时限 ${promised} 个工作日长于法定时限 ${statutory} 个工作日，承诺时限只能更短`,
} as const;

/** Accepted, but the operator should look (parse-org-file.ts `warnings`). */
export const ORG_WARNING = {
  promiseEqualsStatute: (days: number) => `承诺时限与法定时限相同（均为 ${days} 个工作日）。限时办结制第三条要求承诺时限只能少于法定时限，建议缩短；服务指南将注明“未作更短承诺”`,
  /** The heading before the warnings when the file is applied (org:import, start-up). */
  heading: (count: number) => `组织文件已通过检查，另有 ${count} 处提示：`,
} as const;

/** Reading the file from disk (read-org-file.ts). */
export const ORG_READ_ERROR = {
  notFound: (path: string) => `找不到组织文件：${path}`,
  isDirectory: (path: string) => `${path} 是目录，不是组织文件`,
  noPermission: (path: string) => `没有权限读取组织文件：${path}`,
  unreadable: (path: string, detail: string) => `无法读取组织文件 ${path}：${detail}`,
} as const;
