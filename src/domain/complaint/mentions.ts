/**
 * What a complaint's free text points at: a case (`#12`) and a member of staff by name. Staff write
 * as they speak, so these are read from the text rather than asked for as fields.
 */
export function caseNoMentioned(text: string): number | null {
  const match = /#\s*(\d{1,9})(?!\d)/u.exec(text.normalize('NFKC'));
  const no = match ? Number(match[1]) : NaN;
  return Number.isSafeInteger(no) && no > 0 ? no : null;
}

/** The one person named in `text` (by name or userid); null when nobody or several people are named. */
export function personNamed<T extends { userid: string; name: string }>(text: string, staff: readonly T[]): T | null {
  const normalized = text.normalize('NFKC');
  const named = staff.filter((s) => (s.name.length >= 2 && normalized.includes(s.name)) || new RegExp(`(^|[^A-Za-z0-9_.@-])${escape(s.userid)}($|[^A-Za-z0-9_.@-])`, 'iu').test(normalized));
  return named.length === 1 ? (named[0] ?? null) : null;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
