/**
 * The office's key-task table (重点工作任务分解表, R9 §1) → the tasks it lists, or every problem in it
 * at once, each with its Excel row and column (like the organization file, a broken table is
 * refused whole). Pure: the workbook is already read (read-workbook.ts) and the people and
 * departments are passed in.
 */
import { chinaDateOf, endOfChinaDay } from '../domain/calendar/china-time.ts';
import type { DepartmentInfo, StaffMember } from '../domain/org/org-records.ts';
import { KEY_TASK_SHEET_ERROR as E } from '../messages/key-task-sheet-errors.ts';
import {
  HEADER_NOTE,
  KEY_TASK_COLUMNS,
  KEY_TASK_COLUMN_NAMES,
  KEY_TASK_HEADER_WORDS,
  LIST_SEPARATORS,
  MILESTONE_DATE_SEPARATOR,
  MILESTONE_NUMBERING,
  MILESTONE_SEPARATORS,
  TABLE_YEAR,
  type KeyTaskColumn,
} from '../messages/key-task-vocabulary.ts';
import type { SheetCell, SheetGrid } from './read-workbook.ts';
import { cellDate, leadingDate } from './sheet-dates.ts';

/** One problem: the Excel row (1-based) and the column's own header, when the problem has them. */
export interface SheetError {
  row: number | null;
  column: string | null;
  message: string;
}

/** One row of the table, checked and resolved: people are userids, departments keys. */
export interface KeyTaskRow {
  row: number;
  seq: string;
  title: string;
  leadLeader: string | null;
  department: string;
  owner: string;
  partners: string[];
  /** The end of the 完成时限's China day. */
  deadline: Date;
  /** In date order; each due at the end of its China day. */
  milestones: { due: Date; target: string }[];
}

export interface KeyTaskSheet {
  /** The table's year (年度): the title's (“2026年…”), else the one most dated deadlines fall in, else now's. */
  year: number;
  rows: KeyTaskRow[];
}

export type ParseKeyTaskSheetResult = { ok: true; sheet: KeyTaskSheet } | { ok: false; errors: SheetError[] };

export interface KeyTaskDirectory {
  /** Active staff. */
  staff: readonly StaffMember[];
  departments: readonly DepartmentInfo[];
}

const REQUIRED: readonly KeyTaskColumn[] = ['seq', 'title', 'department', 'owner', 'deadline'];
/** The header row is looked for in the first rows only: above it may be a title and notes. */
const HEADER_SEARCH_ROWS = 20;
const MAX_SEQ = 20;
const MAX_TITLE = 500;
const MAX_TARGET = 500;

type Columns = Partial<Record<KeyTaskColumn, number>>;

/** Every problem of the table at once, or its tasks; never throws. */
export function parseKeyTaskSheet(sheets: readonly SheetGrid[], directory: KeyTaskDirectory, now: Date): ParseKeyTaskSheetResult {
  if (sheets.length === 0) return fail([{ row: null, column: null, message: E.noSheet }]);
  // The first sheet with a header row: a workbook may carry a cover or an instructions sheet first.
  const found = sheets.map((s) => ({ sheet: s, header: findHeader(s) })).find((x) => x.header !== null) ?? null;
  if (!found || !found.header) {
    return fail([{ row: null, column: null, message: E.noHeader(REQUIRED.map((c) => KEY_TASK_COLUMN_NAMES[c])) }]);
  }
  const { sheet, header } = found;
  const errors: SheetError[] = [...header.errors];
  for (const c of REQUIRED) {
    if (header.columns[c] === undefined) errors.push({ row: header.row, column: KEY_TASK_COLUMN_NAMES[c], message: E.missingColumn(KEY_TASK_COLUMN_NAMES[c]) });
  }

  const body = sheet.rows
    .map((cells, i) => ({ cells, row: i + 1 }))
    .filter(({ row, cells }) => row > header.row && KEY_TASK_COLUMNS.some((c) => header.columns[c] !== undefined && cellAt(cells, header.columns[c]).kind !== 'empty'));
  if (body.length === 0 && errors.length === 0) errors.push({ row: header.row + 1, column: null, message: E.noRows });

  const year = tableYear(sheet, header, body, now);
  const people = personIndex(directory.staff);
  const departments = departmentIndex(directory.departments);
  const seqRow = new Map<string, number>();
  const rows: KeyTaskRow[] = [];
  for (const { cells, row } of body) {
    const parsed = parseRow(cells, row, header.columns, { year, people, departments, seqRow }, errors);
    if (parsed) rows.push(parsed);
  }
  return errors.length > 0 ? fail(errors) : { ok: true, sheet: { year, rows } };
}

function fail(errors: SheetError[]): ParseKeyTaskSheetResult {
  // In the order the office reads the table: by row, the table's problems before its cells'.
  const sorted = errors.map((e, i) => ({ e, i })).sort((a, b) => (a.e.row ?? 0) - (b.e.row ?? 0) || a.i - b.i).map((x) => x.e);
  return { ok: false, errors: sorted };
}

// ---------------------------------------------------------------------------------------------
// The header row

interface Header {
  row: number;
  columns: Columns;
  errors: SheetError[];
}

function headerKey(text: string): string {
  return text.normalize('NFKC').replace(HEADER_NOTE, '').replace(/[\s*＊]/gu, '');
}

const HEADER_LOOKUP = new Map<string, KeyTaskColumn>(KEY_TASK_COLUMNS.flatMap((c) => KEY_TASK_HEADER_WORDS[c].map((w) => [w, c] as const)));

/** The first row naming at least 序号 or 重点工作任务 and one more column: the table's header. */
function findHeader(sheet: SheetGrid): Header | null {
  const limit = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const columns: Columns = {};
    const errors: SheetError[] = [];
    (sheet.rows[r] ?? []).forEach((cell, c) => {
      if (cell.kind !== 'text') return;
      const column = HEADER_LOOKUP.get(headerKey(cell.text));
      if (!column) return;
      const first = columns[column];
      // A merged header cell repeats its text in the cells it covers: one column, not two.
      if (first !== undefined) {
        if (!mergedCopy(sheet.rows[r]!, first, c)) errors.push({ row: r + 1, column: KEY_TASK_COLUMN_NAMES[column], message: E.duplicateColumn(KEY_TASK_COLUMN_NAMES[column], columnLetter(first)) });
        return;
      }
      columns[column] = c;
    });
    const named = Object.keys(columns).length;
    if (named >= 2 && (columns.seq !== undefined || columns.title !== undefined)) return { row: r + 1, columns, errors };
  }
  return null;
}

/** Whether the cells from `first` to `at` all repeat one text (a merged cell, as exceljs reads it). */
function mergedCopy(cells: readonly SheetCell[], first: number, at: number): boolean {
  const text = (c: SheetCell | undefined) => (c?.kind === 'text' ? c.text : null);
  for (let i = first + 1; i <= at; i++) if (text(cells[i]) !== text(cells[first])) return false;
  return true;
}

function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function cellAt(cells: readonly SheetCell[], index: number | undefined): SheetCell {
  return index === undefined ? { kind: 'empty' } : (cells[index] ?? { kind: 'empty' });
}

// ---------------------------------------------------------------------------------------------
// The table's year

function tableYear(sheet: SheetGrid, header: Header, body: { cells: SheetCell[] }[], now: Date): number {
  for (let r = 0; r < header.row - 1; r++) {
    for (const cell of sheet.rows[r] ?? []) {
      const m = cell.kind === 'text' ? TABLE_YEAR.exec(cell.text.normalize('NFKC')) : null;
      if (m) return Number(m[1]);
    }
  }
  // Dated deadlines decide; a date written without a year cannot, so any year serves to read them.
  const counts = new Map<number, number>();
  for (const { cells } of body) {
    const d = cellDate(cellAt(cells, header.columns.deadline), 2000);
    if (d.ok && d.hasYear) {
      const y = Number(d.date.slice(0, 4));
      counts.set(y, (counts.get(y) ?? 0) + 1);
    }
  }
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && y < best)) best = y;
  return best ?? Number(chinaDateOf(now).slice(0, 4));
}

// ---------------------------------------------------------------------------------------------
// People and departments

/** Names are matched without the spaces tables put in two-character names (“李  华”). */
function nameKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

function personIndex(staff: readonly StaffMember[]) {
  const byUserid = new Map(staff.map((s) => [s.userid.toLowerCase(), s]));
  const byName = new Map<string, StaffMember[]>();
  for (const s of staff) byName.set(nameKey(s.name), [...(byName.get(nameKey(s.name)) ?? []), s]);
  return (text: string): { ok: true; userid: string } | { ok: false; message: string } => {
    const key = nameKey(text);
    const byId = byUserid.get(key.toLowerCase());
    if (byId) return { ok: true, userid: byId.userid };
    const named = byName.get(key) ?? [];
    if (named.length === 1) return { ok: true, userid: named[0]!.userid };
    if (named.length > 1) return { ok: false, message: E.ambiguousPerson(key, named.map((s) => s.userid)) };
    return { ok: false, message: E.unknownPerson(key) };
  };
}

function departmentIndex(departments: readonly DepartmentInfo[]) {
  const byKey = new Map(departments.map((d) => [d.key.toLowerCase(), d.key]));
  const byName = new Map(departments.map((d) => [nameKey(d.name), d.key]));
  return (text: string): string | null => {
    const key = nameKey(text);
    return byName.get(key) ?? byKey.get(key.toLowerCase()) ?? null;
  };
}

// ---------------------------------------------------------------------------------------------
// One row

interface RowContext {
  year: number;
  people: ReturnType<typeof personIndex>;
  departments: ReturnType<typeof departmentIndex>;
  seqRow: Map<string, number>;
}

function cellText(cell: SheetCell): string | null {
  switch (cell.kind) {
    case 'text':
      return cell.text.normalize('NFKC').trim() || null;
    case 'number':
      return String(cell.value);
    case 'date':
      return cell.date;
    default:
      return null;
  }
}

function parseRow(cells: readonly SheetCell[], row: number, columns: Columns, ctx: RowContext, errors: SheetError[]): KeyTaskRow | null {
  const before = errors.length;
  const at = (c: KeyTaskColumn) => cellAt(cells, columns[c]);
  const report = (c: KeyTaskColumn, message: string) => errors.push({ row, column: KEY_TASK_COLUMN_NAMES[c], message });
  /** The cell's text; a formula error or an empty required cell is reported once, here. */
  const text = (c: KeyTaskColumn, required: boolean): string | null => {
    if (columns[c] === undefined) return null;
    const cell = at(c);
    if (cell.kind === 'error') {
      report(c, E.cellError(KEY_TASK_COLUMN_NAMES[c]));
      return null;
    }
    const t = cellText(cell);
    if (t === null && required) report(c, E.required(KEY_TASK_COLUMN_NAMES[c]));
    return t;
  };

  const seq = text('seq', true);
  if (seq !== null) {
    if (seq.length > MAX_SEQ) report('seq', E.tooLong(KEY_TASK_COLUMN_NAMES.seq, MAX_SEQ));
    const first = ctx.seqRow.get(seq);
    if (first !== undefined) report('seq', E.duplicateSeq(seq, first));
    else ctx.seqRow.set(seq, row);
  }

  const title = text('title', true);
  if (title !== null && title.length > MAX_TITLE) report('title', E.tooLong(KEY_TASK_COLUMN_NAMES.title, MAX_TITLE));

  const person = (c: KeyTaskColumn, value: string | null): string | null => {
    if (value === null) return null;
    const names = value.split(LIST_SEPARATORS).map((s) => s.trim()).filter((s) => s !== '');
    if (names.length > 1) {
      report(c, E.onePersonOnly(value));
      return null;
    }
    const found = ctx.people(names[0] ?? value);
    if (!found.ok) report(c, found.message);
    return found.ok ? found.userid : null;
  };
  const owner = person('owner', text('owner', true));
  const leadLeader = person('leadLeader', text('leadLeader', false));

  const department = (() => {
    const value = text('department', true);
    if (value === null) return null;
    const key = ctx.departments(value);
    if (key === null) report('department', E.unknownDepartment(nameKey(value)));
    return key;
  })();

  const partners: string[] = [];
  const partnerText = text('partners', false);
  for (const part of partnerText === null ? [] : partnerText.split(LIST_SEPARATORS)) {
    if (part.trim() === '') continue;
    const key = ctx.departments(part);
    if (key === null) report('partners', E.unknownDepartment(nameKey(part)));
    else if (key !== department && !partners.includes(key)) partners.push(key);
  }

  const deadline = (() => {
    if (columns.deadline === undefined) return null;
    const cell = at('deadline');
    if (cell.kind === 'empty') {
      report('deadline', E.required(KEY_TASK_COLUMN_NAMES.deadline));
      return null;
    }
    const d = cellDate(cell, ctx.year);
    if (!d.ok) report('deadline', cell.kind === 'text' ? E.badDate(cellText(cell) ?? '') : E.notADate);
    return d.ok ? d.date : null;
  })();

  const milestones = parseMilestones(columns.milestones === undefined ? null : at('milestones'), ctx.year, deadline, (m) => report('milestones', m));

  if (errors.length > before || seq === null || title === null || owner === null || department === null || deadline === null || milestones === null) return null;
  return { row, seq, title, leadLeader, department, owner, partners, deadline: endOfChinaDay(deadline), milestones };
}

/** 阶段目标: one a line, each a date then its target; in date order, none after the deadline. */
function parseMilestones(cell: SheetCell | null, year: number, deadline: string | null, report: (message: string) => void): { due: Date; target: string }[] | null {
  if (cell === null || cell.kind === 'empty') return [];
  if (cell.kind === 'error') {
    report(E.cellError(KEY_TASK_COLUMN_NAMES.milestones));
    return null;
  }
  // A cell holding only a date (an Excel date) is one milestone without a target.
  if (cell.kind === 'date' || cell.kind === 'number') {
    report(E.milestoneWithoutTarget(1, cellText(cell) ?? ''));
    return null;
  }
  const lines = cell.text.normalize('NFKC').split(MILESTONE_SEPARATORS).map((l) => l.trim()).filter((l) => l !== '');
  const out: { date: string; target: string }[] = [];
  let ok = true;
  lines.forEach((line, i) => {
    const n = i + 1;
    const found = leadingDate(line, year) ?? leadingDate(line.replace(MILESTONE_NUMBERING, ''), year);
    const text = found && !leadingDate(line, year) ? line.replace(MILESTONE_NUMBERING, '') : line;
    if (!found) {
      report(E.milestoneWithoutDate(n, line));
      ok = false;
      return;
    }
    const dateText = text.slice(0, found.length).trim();
    if (!found.ok) {
      report(E.milestoneBadDate(n, dateText));
      ok = false;
      return;
    }
    const target = text.slice(found.length).replace(MILESTONE_DATE_SEPARATOR, '').trim();
    if (target === '') {
      report(E.milestoneWithoutTarget(n, dateText));
      ok = false;
      return;
    }
    if (target.length > MAX_TARGET) {
      report(E.tooLong(KEY_TASK_COLUMN_NAMES.milestones, MAX_TARGET));
      ok = false;
      return;
    }
    if (deadline !== null && found.date > deadline) {
      report(E.milestoneAfterDeadline(n, found.date, deadline));
      ok = false;
      return;
    }
    out.push({ date: found.date, target });
  });
  if (!ok) return null;
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).map((m) => ({ due: endOfChinaDay(m.date), target: m.target }));
}
