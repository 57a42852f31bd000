/**
 * What the public may send through the pages (R2 §6 效能投诉, R7 §6 留言卡): every field checked, every
 * problem named at once, nothing stored unless all is well. The HTTP layer limits the body's size and
 * the rate per address; this is what a well-formed body may say.
 */

export const PUBLIC_LIMITS = {
  /** A form body larger than this is refused before it is read (413). */
  bodyBytes: 16 * 1024,
  content: 1000,
  name: 40,
  person: 40,
  /** Submissions per address and form in one window, and the window. */
  perWindow: 5,
  windowMs: 10 * 60_000,
} as const;

export type FormField = 'department' | 'person' | 'content' | 'name' | 'phone';
export type FormProblem = { field: FormField; code: 'required' | 'too_long' | 'bad_phone' | 'unknown_department'; max?: number };

export interface ComplaintForm {
  department: string | null;
  person: string | null;
  content: string;
  name: string;
  phone: string | null;
}

export interface VisitorForm {
  name: string;
  phone: string;
  content: string;
}

/** A phone as people write it: at least 7 digits, with + - ( ) and spaces. */
export function isPhone(text: string): boolean {
  return /^[0-9+()\-\s]{7,24}$/u.test(text) && (text.match(/\d/gu)?.length ?? 0) >= 7;
}

const clean = (v: string | undefined) => (v ?? '').replace(/\r\n?/gu, '\n').trim();

function text(values: Record<string, string>, field: FormField, max: number, required: boolean, problems: FormProblem[]): string | null {
  const v = clean(values[field]);
  if (v === '') {
    if (required) problems.push({ field, code: 'required' });
    return null;
  }
  if (Array.from(v).length > max) problems.push({ field, code: 'too_long', max });
  return v;
}

/** The public complaint form: whom it is about (a department, a person, or both), what happened, who asks. */
export function checkComplaintForm(values: Record<string, string>, departments: readonly string[]): { ok: true; form: ComplaintForm } | { ok: false; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const department = clean(values.department) || null;
  if (department !== null && !departments.includes(department)) problems.push({ field: 'department', code: 'unknown_department' });
  const person = text(values, 'person', PUBLIC_LIMITS.person, false, problems);
  const content = text(values, 'content', PUBLIC_LIMITS.content, true, problems);
  const name = text(values, 'name', PUBLIC_LIMITS.name, true, problems);
  const phone = text(values, 'phone', 24, false, problems);
  if (phone !== null && !isPhone(phone)) problems.push({ field: 'phone', code: 'bad_phone' });
  if (problems.length > 0 || content === null || name === null) return { ok: false, problems };
  return { ok: true, form: { department, person, content, name, phone } };
}

/** The 留言卡: who called, how to reach them, and what about (the department must call back, R7 §6). */
export function checkVisitorForm(values: Record<string, string>): { ok: true; form: VisitorForm } | { ok: false; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const name = text(values, 'name', PUBLIC_LIMITS.name, true, problems);
  const phone = text(values, 'phone', 24, true, problems);
  if (phone !== null && !isPhone(phone)) problems.push({ field: 'phone', code: 'bad_phone' });
  const content = text(values, 'content', PUBLIC_LIMITS.content, true, problems);
  if (problems.length > 0 || name === null || phone === null || content === null) return { ok: false, problems };
  return { ok: true, form: { name, phone, content } };
}
