import ExcelJS from 'exceljs';

/** One cell as the table's checks see it: what the office typed, without Excel's formatting. */
export type SheetCell =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  /** A real Excel date: its calendar day (Excel dates carry no time zone). */
  | { kind: 'date'; date: string }
  /** A formula that failed (#N/A, #REF!) or was never calculated. */
  | { kind: 'error' };

/** A worksheet as rows of cells; `rows[0]` is Excel's row 1, `rows[r][0]` its column A. */
export interface SheetGrid {
  name: string;
  rows: SheetCell[][];
}

export type ReadWorkbookResult = { ok: true; sheets: SheetGrid[] } | { ok: false; reason: 'not_xlsx' };

/** Beyond these a "table" is not one the office keeps by hand: the rest is not read. */
const MAX_ROWS = 5000;
const MAX_COLUMNS = 60;
const EMPTY: SheetCell = { kind: 'empty' };

/**
 * Reads an XLSX workbook (exceljs). Anything that is not one (a CSV, an .xls, a PDF, random bytes)
 * is `not_xlsx`, never an exception. Merged cells read as their first cell's value in every cell
 * they cover: tables merge 牵头领导 and 责任部室 down the rows they share.
 */
export async function readWorkbook(bytes: Uint8Array): Promise<ReadWorkbookResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as the old Buffer; a Uint8Array view of the same bytes reads the same.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false, reason: 'not_xlsx' };
  }
  const sheets = workbook.worksheets.map((ws): SheetGrid => {
    const rowCount = Math.min(ws.rowCount, MAX_ROWS);
    const columnCount = Math.min(ws.columnCount, MAX_COLUMNS);
    const rows: SheetCell[][] = [];
    for (let r = 1; r <= rowCount; r++) {
      const row: SheetCell[] = [];
      for (let c = 1; c <= columnCount; c++) row.push(cellOf(ws.getCell(r, c).value));
      rows.push(row);
    }
    return { name: ws.name, rows };
  });
  return { ok: true, sheets };
}

function cellOf(value: ExcelJS.CellValue | undefined, depth = 0): SheetCell {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'string') return value.trim() === '' ? EMPTY : { kind: 'text', text: value };
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'error' };
  if (typeof value === 'boolean') return { kind: 'text', text: String(value) };
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? { kind: 'error' } : { kind: 'date', date: value.toISOString().slice(0, 10) };
  }
  if (typeof value !== 'object' || depth > 2) return { kind: 'error' };
  if ('richText' in value && Array.isArray(value.richText)) return cellOf(value.richText.map((p) => p.text).join(''), depth + 1);
  if ('error' in value) return { kind: 'error' };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) return { kind: 'error' };
    if (typeof result === 'object' && !(result instanceof Date)) return { kind: 'error' };
    return cellOf(result as ExcelJS.CellValue, depth + 1);
  }
  if ('text' in value && typeof (value as { text: unknown }).text === 'string') return cellOf((value as { text: string }).text, depth + 1);
  return { kind: 'error' };
}
