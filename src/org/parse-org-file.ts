/**
 * Parses and validates the organization file. Like rule R5 asks of staff, it tells the operator
 * everything that is wrong at once: YAML syntax, schema and cross-references, each message naming
 * the path (and line) of the problem. It never throws.
 */
import { LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { TIME_LIMIT_CLASSES } from '../domain/time-limit-class.ts';
import {
  DEFAULT_COMPLAINT_ANSWER_DAYS,
  WECOM_USERID_PATTERN,
  type OrgFile,
  type ParseOrgFileResult,
} from './org-file.ts';

import { checkReferences } from './check-org-references.ts';
import type { OrgError, Path } from './org-error.ts';

// ---------------------------------------------------------------------------------------------
// Schema

const text = z.string().trim().min(1).max(200);
const longText = z.string().trim().min(1).max(2000);
// An empty `head:` in YAML is null; operators mean "none", so treat it as absent.
const optionalText = z.preprocess((v) => (v === null ? undefined : v), text.optional());
const workingDays = z.number().int().positive().max(366);
const optionalWorkingDays = z.preprocess((v) => (v === null ? undefined : v), workingDays.optional());

const userid = z.string().trim().regex(WECOM_USERID_PATTERN, {
  error: (issue) =>
    issue.input === ''
      ? '不能为空'
      : `用户 ID "${String(issue.input)}" 不符合企业微信规则（1–64 位字母、数字或 _ - . @，须以字母或数字开头）`,
});

const departmentSchema = z.strictObject({ key: text, name: text, head: optionalText, leader: optionalText });
const staffSchema = z.strictObject({ userid, name: text, department: text });
const postSchema = z.strictObject({ department: text, name: text, a: text, b: optionalText });
const serviceSchema = z.strictObject({
  code: text,
  name: text,
  department: text,
  class: z.enum(TIME_LIMIT_CLASSES),
  basis: longText,
  procedure: longText,
  materials: z.array(text).min(1),
  statutoryDays: optionalWorkingDays,
  promisedDays: optionalWorkingDays,
});

const orgSchema = z.strictObject({
  unit: text,
  principal: text,
  office: text,
  complaintAnswerDays: z.preprocess(
    (v) => (v === null ? undefined : v),
    workingDays.default(DEFAULT_COMPLAINT_ANSWER_DAYS),
  ),
  departments: z.array(departmentSchema).min(1),
  staff: z.array(staffSchema).min(1),
  // `posts:` left empty in YAML is null; a unit may not have set up its posts or catalog yet.
  posts: z.preprocess((v) => (v === null ? [] : v), z.array(postSchema)),
  services: z.preprocess((v) => (v === null ? [] : v), z.array(serviceSchema)),
});

// Compile-time check that what the schema produces fits the published model.
const _schemaMatchesModel: z.ZodType<OrgFile> = orgSchema;

const ALLOWED_KEYS: Record<string, readonly string[]> = {
  '': Object.keys(orgSchema.shape),
  departments: Object.keys(departmentSchema.shape),
  staff: Object.keys(staffSchema.shape),
  posts: Object.keys(postSchema.shape),
  services: Object.keys(serviceSchema.shape),
};

// ---------------------------------------------------------------------------------------------
// Entry point

export function parseOrgFile(yamlText: string): ParseOrgFileResult {
  try {
    return parseUnsafe(yamlText);
  } catch (err) {
    // Defensive: a library bug or a pathological input must still come back as a named error.
    return { ok: false, errors: [`无法解析组织文件：${err instanceof Error ? err.message : String(err)}`] };
  }
}

function parseUnsafe(yamlText: string): ParseOrgFileResult {
  if (typeof yamlText !== 'string') return { ok: false, errors: ['组织文件内容应为文本'] };

  const lineCounter = new LineCounter();
  // logLevel 'error' keeps the library from printing warnings to the process output.
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, logLevel: 'error' });

  // With syntax errors the tree is a guess; schema messages on it would only add noise.
  if (doc.errors.length > 0) {
    const seen = new Set<string>();
    const errors: string[] = [];
    for (const e of doc.errors) {
      const { line, col } = lineCounter.linePos(e.pos[0]);
      const message = `第 ${line} 行第 ${col} 列：YAML 语法错误，${describeYamlError(e.code, e.message)}`;
      if (!seen.has(message)) {
        seen.add(message);
        errors.push(message);
      }
    }
    return { ok: false, errors };
  }

  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (data === null || data === undefined) return { ok: false, errors: ['组织文件为空'] };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return {
      ok: false,
      errors: [`组织文件的顶层应为键值映射（如 unit: 滨州市科学技术协会），实际是${describeType(data)}`],
    };
  }

  const found: OrgError[] = [];
  const parsed = orgSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) found.push(...describeIssue(issue));
  }
  found.push(...checkReferences(data as Record<string, unknown>));

  if (found.length > 0 || !parsed.success) {
    return { ok: false, errors: sortByLine(found.map((e) => formatError(e, doc, lineCounter))) };
  }
  return { ok: true, org: parsed.data };
}

// ---------------------------------------------------------------------------------------------
// YAML syntax errors

function describeYamlError(code: string, original: string): string {
  switch (code) {
    case 'BAD_INDENT':
      // The parser only notices an unclosed [ or { on the line after it.
      if (/end with a/i.test(original)) return '方括号或花括号未闭合（检查本行及上一行）';
      return '缩进不正确';
    case 'TAB_AS_INDENT':
      return '不能用 Tab 缩进，请改用空格';
    case 'DUPLICATE_KEY':
      return '同一层级中键重复';
    case 'MISSING_CHAR':
      if (/quote/i.test(original)) return '引号未闭合';
      if (/map values/i.test(original)) return '键后缺少冒号或值';
      return '缺少必要的字符（如冒号、引号或括号）';
    case 'MULTIPLE_DOCS':
      return '文件中只能有一个 YAML 文档（请删除多余的 ---）';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return '键的写法或缩进不正确';
    case 'UNEXPECTED_TOKEN':
      return '出现了意外的内容（检查括号、冒号和缩进）';
    case 'BAD_SCALAR_START':
      return '值不能以此字符开头，请给值加引号';
    case 'BAD_DQ_ESCAPE':
      return '双引号中的转义字符无效';
    case 'BAD_ALIAS':
      return '别名（*）引用无效';
    default:
      return `${code}：${original.split('\n')[0] ?? ''}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Schema errors

function describeType(value: unknown): string {
  if (value === null || value === undefined) return '空值';
  if (Array.isArray(value)) return '列表';
  switch (typeof value) {
    case 'string':
      return '文本';
    case 'number':
      return '数字';
    case 'boolean':
      return '布尔值';
    case 'object':
      return '键值映射';
    default:
      return typeof value;
  }
}

function describeIssue(issue: z.core.$ZodIssue): OrgError[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const last = path[path.length - 1];
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return [{ path, message: '缺少必填项' }];
      if (issue.input === null) return [{ path, message: '不能为空' }];
      const actual = describeType(issue.input);
      switch (issue.expected) {
        case 'string':
          return [
            {
              path,
              message:
                typeof issue.input === 'number' || typeof issue.input === 'boolean'
                  ? `应为文本，实际是${actual}（请给值加引号）`
                  : `应为文本，实际是${actual}`,
            },
          ];
        case 'array':
          return [
            {
              path,
              message:
                last === 'materials'
                  ? `应为列表（如 [申报书, 单位推荐意见]），实际是${actual}`
                  : `应为列表（每项以 - 开头），实际是${actual}`,
            },
          ];
        case 'object':
          return [{ path, message: `应为键值映射，实际是${actual}` }];
        case 'number':
          return [{ path, message: `应为整数，实际是${actual}` }];
        case 'int':
          return [{ path, message: `应为整数，实际是 ${String(issue.input)}` }];
        default:
          return [{ path, message: `类型不正确，实际是${actual}` }];
      }
    }
    case 'too_small':
      if (issue.origin === 'string') return [{ path, message: '不能为空' }];
      if (issue.origin === 'array') return [{ path, message: '至少需要一项' }];
      return [{ path, message: `应为正整数，实际是 ${String(issue.input)}` }];
    case 'too_big':
      if (issue.origin === 'string') return [{ path, message: `过长（最多 ${String(issue.maximum)} 个字符）` }];
      return [{ path, message: `不能大于 ${String(issue.maximum)}，实际是 ${String(issue.input)}` }];
    case 'invalid_value': {
      const allowed = issue.values.map(String).join('、');
      if (issue.input === undefined) return [{ path, message: `缺少必填项（应为 ${allowed} 之一）` }];
      const what = last === 'class' ? '时限类别' : '值';
      return [{ path, message: `${what} "${String(issue.input)}" 无效，应为 ${allowed} 之一` }];
    }
    case 'unrecognized_keys': {
      const section = typeof path[0] === 'string' && path.length === 2 ? path[0] : '';
      const allowed = ALLOWED_KEYS[section];
      const hint = allowed ? `（可用字段：${allowed.join(', ')}）` : '';
      return issue.keys.map((key) => ({ path: [...path, key], message: `未知字段${hint}` }));
    }
    default:
      // Our own messages (regex, custom) are already Chinese; anything else is unexpected.
      return [{ path, message: issue.message }];
  }
}

// ---------------------------------------------------------------------------------------------
// Ordering and formatting

// Operators read the list top to bottom while scrolling the file, so follow the file's order;
// for one line, schema errors come before cross-reference errors (the order they were found).
function sortByLine(errors: { line: number | undefined; text: string }[]): string[] {
  return errors
    .map((e, order) => ({ ...e, order }))
    .sort((x, y) => (x.line ?? 0) - (y.line ?? 0) || x.order - y.order)
    .map((e) => e.text);
}

function formatPath(path: Path): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out === '' ? '组织文件' : out;
}

/** The line of the nearest node that exists on the path, so a missing field points at its entry. */
function lineOf(path: Path, doc: Document, lineCounter: LineCounter): number | undefined {
  for (let n = path.length; n > 0; n--) {
    const node: unknown = doc.getIn(path.slice(0, n), true);
    const range = (node as { range?: unknown } | undefined)?.range;
    if (Array.isArray(range) && typeof range[0] === 'number') return lineCounter.linePos(range[0]).line;
  }
  return undefined;
}

function formatError(error: OrgError, doc: Document, lineCounter: LineCounter): { line: number | undefined; text: string } {
  const line = error.path.length > 0 ? lineOf(error.path, doc, lineCounter) : undefined;
  const where = line === undefined ? '' : `（第 ${line} 行）`;
  return { line, text: `${formatPath(error.path)}：${error.message}${where}` };
}
