/**
 * Parses and validates the organization file. Like rule R5 asks of staff, it tells the operator
 * everything that is wrong at once: YAML syntax, schema and cross-references, each message naming
 * the path (and line) of the problem. It never throws.
 */
import { LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { ACCOUNTABILITY_KINDS, RECORD_DECISIONS, type AccountabilityKind } from '../domain/accountability/accountability-record.ts';
import { checkScheme, schemeFrom, type EvaluationSchemeInput } from '../domain/evaluation/scheme.ts';
import { TIME_LIMIT_CLASSES } from '../domain/time-limit-class.ts';
import { DEFAULT_KEY_TASK_REPORT_DAY } from '../domain/reminders/key-task-clocks.ts';
import {
  DEFAULT_COMPLAINT_ANSWER_DAYS,
  WECOM_USERID_PATTERN,
  type OrgFile,
  type ParseOrgFileResult,
} from './org-file.ts';

import { checkReferences } from './check-org-references.ts';
import type { OrgError, Path } from './org-error.ts';
import { ORG_FILE, ORG_SCHEME_ERROR, ORG_SCHEMA_ERROR, ORG_VALUE_TYPE, ORG_WARNING, ORG_YAML_ERROR } from '../messages/org-file-errors.ts';
import { ORG_PHONE_PATTERN } from '../messages/vocabulary.ts';

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
    issue.input === '' ? ORG_SCHEMA_ERROR.empty : ORG_SCHEMA_ERROR.invalidUserid(String(issue.input)),
});

// Digits with the usual separators (0543-3211234, (0543)3211234, 0543-3211234转8001); YAML may read a bare number.
const phone = z.preprocess(
  (v) => (v === null ? undefined : typeof v === 'number' ? String(v) : v),
  z.string().trim().regex(ORG_PHONE_PATTERN, { error: (issue) => ORG_SCHEMA_ERROR.invalidPhone(String(issue.input)) }).optional(),
);
const wecomDepartmentId = z.number().int().min(1).max(2 ** 32 - 1).optional();
const departmentSchema = z.strictObject({ key: text, name: text, head: optionalText, leader: optionalText, phone, wecomId: wecomDepartmentId });
const staffSchema = z.strictObject({ userid, name: text, department: text });
const optionalList = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === null ? undefined : v), z.array(item).optional());
const postSchema = z.strictObject({
  department: text,
  name: text,
  a: text,
  b: optionalText,
  services: optionalList(text),
  classes: optionalList(z.enum(TIME_LIMIT_CLASSES)),
});
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

// The evaluation scheme (效能考评制): every part optional, defaults in src/domain/evaluation/scheme.ts.
const points = z.number().min(0).max(1000);
const pointsWithCap = z.strictObject({ points: points.optional(), cap: points.optional() });
const kindEntries = Object.fromEntries(ACCOUNTABILITY_KINDS.map((k) => [k, pointsWithCap.optional()])) as Record<AccountabilityKind, z.ZodOptional<typeof pointsWithCap>>;
const evaluationSchema = z.strictObject({
  base: z.number().positive().max(1000).optional(),
  deductions: z.strictObject(kindEntries).optional(),
  decisions: z.strictObject({ criticism: points.optional(), public_criticism: points.optional(), written_warning: points.optional(), admonition: points.optional() }).optional(),
  bonuses: z.strictObject({ key_task_early: pointsWithCap.optional() }).optional(),
  grades: z.strictObject({ excellent: points.optional(), good: points.optional(), pass: points.optional() }).optional(),
  veto: z.strictObject({ kinds: z.array(z.enum(ACCOUNTABILITY_KINDS)).optional(), decisions: z.array(z.enum(RECORD_DECISIONS)).optional() }).optional(),
});

const keyTasksSchema = z.strictObject({
  reportDay: z.preprocess((v) => (v === null ? undefined : v), z.number().int().min(1).max(31).default(DEFAULT_KEY_TASK_REPORT_DAY)),
});

const orgSchema = z.strictObject({
  unit: text,
  principal: text,
  office: text,
  complaintAnswerDays: z.preprocess(
    (v) => (v === null ? undefined : v),
    workingDays.default(DEFAULT_COMPLAINT_ANSWER_DAYS),
  ),
  // `keyTasks:` left empty, or absent, is every default.
  keyTasks: z.preprocess((v) => (v === null ? undefined : v), keyTasksSchema.default({ reportDay: DEFAULT_KEY_TASK_REPORT_DAY })),
  departments: z.array(departmentSchema).min(1),
  staff: z.array(staffSchema).min(1),
  // `posts:` left empty in YAML is null; a unit may not have set up its posts or catalog yet.
  posts: z.preprocess((v) => (v === null ? [] : v), z.array(postSchema)),
  services: z.preprocess((v) => (v === null ? [] : v), z.array(serviceSchema)),
  evaluation: z.preprocess((v) => (v === null ? undefined : v), evaluationSchema.optional()),
});

/** WECOM_CONTACTS_SYNC=on: WeCom says who exists, so `staff` may be absent or empty. */
const orgSchemaPeopleFromWeCom = orgSchema.extend({ staff: z.preprocess((v) => (v === null || v === undefined ? [] : v), z.array(staffSchema)) });

// Compile-time check that what the schema produces fits the published model.
const _schemaMatchesModel: z.ZodType<OrgFile> = orgSchema;

const ALLOWED_KEYS: Record<string, readonly string[]> = {
  '': Object.keys(orgSchema.shape),
  departments: Object.keys(departmentSchema.shape),
  staff: Object.keys(staffSchema.shape),
  posts: Object.keys(postSchema.shape),
  services: Object.keys(serviceSchema.shape),
  evaluation: Object.keys(evaluationSchema.shape),
  'evaluation.deductions': ACCOUNTABILITY_KINDS,
  'evaluation.decisions': ['criticism', 'public_criticism', 'written_warning', 'admonition'],
  'evaluation.bonuses': ['key_task_early'],
  'evaluation.grades': ['excellent', 'good', 'pass'],
  'evaluation.veto': ['kinds', 'decisions'],
  keyTasks: Object.keys(keyTasksSchema.shape),
};

// ---------------------------------------------------------------------------------------------
// Entry point

export interface ParseOrgOptions {
  /**
   * WECOM_CONTACTS_SYNC=on: WeCom owns who exists and where, so `staff` may be empty and posts, heads
   * and leaders may name userids the file does not list (the sync checks them against WeCom).
   */
  peopleFromWeCom?: boolean;
}

export function parseOrgFile(yamlText: string, options: ParseOrgOptions = {}): ParseOrgFileResult {
  try {
    return parseUnsafe(yamlText, options);
  } catch (err) {
    // Defensive: a library bug or a pathological input must still come back as a named error.
    return { ok: false, errors: [ORG_FILE.unparsable(err instanceof Error ? err.message : String(err))] };
  }
}

function parseUnsafe(yamlText: string, options: ParseOrgOptions): ParseOrgFileResult {
  if (typeof yamlText !== 'string') return { ok: false, errors: [ORG_FILE.notText] };

  const lineCounter = new LineCounter();
  // logLevel 'error' keeps the library from printing warnings to the process output.
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, logLevel: 'error' });

  // With syntax errors the tree is a guess; schema messages on it would only add noise.
  if (doc.errors.length > 0) {
    const seen = new Set<string>();
    const errors: string[] = [];
    for (const e of doc.errors) {
      const { line, col } = lineCounter.linePos(e.pos[0]);
      const message = ORG_FILE.yamlSyntax(line, col, describeYamlError(e.code, e.message));
      if (!seen.has(message)) {
        seen.add(message);
        errors.push(message);
      }
    }
    return { ok: false, errors };
  }

  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (data === null || data === undefined) return { ok: false, errors: [ORG_FILE.empty] };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return {
      ok: false,
      errors: [ORG_FILE.topLevelNotMapping(describeType(data))],
    };
  }

  const found: OrgError[] = [];
  const parsed = (options.peopleFromWeCom ? orgSchemaPeopleFromWeCom : orgSchema).safeParse(data, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) found.push(...describeIssue(issue));
  }
  found.push(...checkReferences(data as Record<string, unknown>, options));
  if (parsed.success) found.push(...checkEvaluation(parsed.data.evaluation));

  if (found.length > 0 || !parsed.success) {
    return { ok: false, errors: sortByLine(found.map((e) => formatError(e, doc, lineCounter))) };
  }
  return { ok: true, org: parsed.data, warnings: sortByLine(checkWarnings(parsed.data).map((e) => formatError(e, doc, lineCounter))) };
}

/**
 * 限时办结制 §3: a promised limit may only be shorter than the statutory one. An equal one is accepted
 * (it breaks no deadline) but the operator is told, and the service guide says so to the public.
 */
function checkWarnings(org: OrgFile): OrgError[] {
  return org.services.flatMap((s, i) =>
    s.promisedDays !== undefined && s.statutoryDays !== undefined && s.promisedDays === s.statutoryDays
      ? [{ path: ['services', i, 'promisedDays'], message: ORG_WARNING.promiseEqualsStatute(s.promisedDays) }]
      : [],
  );
}

/** The scheme's values together: grade bands in order and within the base. */
function checkEvaluation(input: EvaluationSchemeInput | undefined): OrgError[] {
  if (!input) return [];
  return checkScheme(schemeFrom(input)).map((p) =>
    p.code === 'grades_out_of_order'
      ? { path: ['evaluation', 'grades'], message: ORG_SCHEME_ERROR.gradesOutOfOrder }
      : { path: ['evaluation', 'grades', p.grade], message: ORG_SCHEME_ERROR.gradeAboveBase(p.base) },
  );
}

// ---------------------------------------------------------------------------------------------
// YAML syntax errors

function describeYamlError(code: string, original: string): string {
  switch (code) {
    case 'BAD_INDENT':
      // The parser only notices an unclosed [ or { on the line after it.
      if (/end with a/i.test(original)) return ORG_YAML_ERROR.unclosedBracket;
      return ORG_YAML_ERROR.badIndent;
    case 'TAB_AS_INDENT':
      return ORG_YAML_ERROR.tabIndent;
    case 'DUPLICATE_KEY':
      return ORG_YAML_ERROR.duplicateKey;
    case 'MISSING_CHAR':
      if (/quote/i.test(original)) return ORG_YAML_ERROR.unclosedQuote;
      if (/map values/i.test(original)) return ORG_YAML_ERROR.missingColonOrValue;
      return ORG_YAML_ERROR.missingChar;
    case 'MULTIPLE_DOCS':
      return ORG_YAML_ERROR.multipleDocs;
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return ORG_YAML_ERROR.badImplicitKey;
    case 'UNEXPECTED_TOKEN':
      return ORG_YAML_ERROR.unexpectedToken;
    case 'BAD_SCALAR_START':
      return ORG_YAML_ERROR.badScalarStart;
    case 'BAD_DQ_ESCAPE':
      return ORG_YAML_ERROR.badDoubleQuoteEscape;
    case 'BAD_ALIAS':
      return ORG_YAML_ERROR.badAlias;
    default:
      return ORG_YAML_ERROR.other(code, original.split('\n')[0] ?? '');
  }
}

// ---------------------------------------------------------------------------------------------
// Schema errors

function describeType(value: unknown): string {
  if (value === null || value === undefined) return ORG_VALUE_TYPE.empty;
  if (Array.isArray(value)) return ORG_VALUE_TYPE.list;
  switch (typeof value) {
    case 'string':
      return ORG_VALUE_TYPE.text;
    case 'number':
      return ORG_VALUE_TYPE.number;
    case 'boolean':
      return ORG_VALUE_TYPE.boolean;
    case 'object':
      return ORG_VALUE_TYPE.mapping;
    default:
      return typeof value;
  }
}

function describeIssue(issue: z.core.$ZodIssue): OrgError[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const last = path[path.length - 1];
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return [{ path, message: ORG_SCHEMA_ERROR.required }];
      if (issue.input === null) return [{ path, message: ORG_SCHEMA_ERROR.empty }];
      const actual = describeType(issue.input);
      switch (issue.expected) {
        case 'string':
          return [
            {
              path,
              message:
                typeof issue.input === 'number' || typeof issue.input === 'boolean'
                  ? ORG_SCHEMA_ERROR.expectedTextQuote(actual)
                  : ORG_SCHEMA_ERROR.expectedText(actual),
            },
          ];
        case 'array':
          return [
            {
              path,
              message:
                last === 'materials'
                  ? ORG_SCHEMA_ERROR.expectedMaterialsList(actual)
                  : ORG_SCHEMA_ERROR.expectedList(actual),
            },
          ];
        case 'object':
          return [{ path, message: ORG_SCHEMA_ERROR.expectedMapping(actual) }];
        case 'number':
          return [{ path, message: ORG_SCHEMA_ERROR.expectedIntegerType(actual) }];
        case 'int':
          return [{ path, message: ORG_SCHEMA_ERROR.expectedInteger(String(issue.input)) }];
        default:
          return [{ path, message: ORG_SCHEMA_ERROR.wrongType(actual) }];
      }
    }
    case 'too_small':
      if (issue.origin === 'string') return [{ path, message: ORG_SCHEMA_ERROR.empty }];
      if (issue.origin === 'array') return [{ path, message: ORG_SCHEMA_ERROR.atLeastOne }];
      if (issue.origin === 'number' && issue.minimum === 0 && issue.inclusive) return [{ path, message: ORG_SCHEMA_ERROR.negative(String(issue.input)) }];
      return [{ path, message: ORG_SCHEMA_ERROR.expectedPositiveInteger(String(issue.input)) }];
    case 'too_big':
      if (issue.origin === 'string') return [{ path, message: ORG_SCHEMA_ERROR.tooLong(String(issue.maximum)) }];
      return [{ path, message: ORG_SCHEMA_ERROR.tooBig(String(issue.maximum), String(issue.input)) }];
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      if (issue.input === undefined) return [{ path, message: ORG_SCHEMA_ERROR.requiredOneOf(allowed) }];
      return [{ path, message: ORG_SCHEMA_ERROR.invalidValue(last === 'class' || path[path.length - 2] === 'classes', String(issue.input), allowed) }];
    }
    case 'unrecognized_keys': {
      // departments[3] → 'departments'; evaluation.deductions → 'evaluation.deductions'.
      const section = path.filter((p) => typeof p === 'string').join('.');
      const message = ORG_SCHEMA_ERROR.unknownField(ALLOWED_KEYS[section]);
      return issue.keys.map((key) => ({ path: [...path, key], message }));
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
  return out === '' ? ORG_FILE.wholeFile : out;
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
  return { line, text: ORG_FILE.located(formatPath(error.path), error.message, line) };
}
