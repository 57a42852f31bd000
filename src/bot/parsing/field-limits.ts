/**
 * The longest each typed field may be, in characters. A name or a phone is short; a matter or a
 * reason is a sentence or two. Everything a person types is carried into other people's messages,
 * case pages and printed notices, so a field over its bound is refused with a clear answer instead of
 * being stored and cut later (a 5,000-character applicant made a 15,260-byte reply).
 */
const FIELD_MAX: Record<string, number> = {
  applicant: 50,
  phone: 30,
  target: 50,
  person: 50,
  responsible: 50,
  post: 50,
  competentBody: 100,
  matter: 300,
};
const DEFAULT_MAX = 500;

export function fieldMax(field: string): number {
  return FIELD_MAX[field] ?? DEFAULT_MAX;
}

/** Every string field of a parsed command over its bound: field, its length and the bound. */
export function overLongFields(fields: object): { field: string; length: number; max: number }[] {
  const out: { field: string; length: number; max: number }[] = [];
  for (const [field, value] of Object.entries(fields)) {
    if (typeof value !== 'string') continue;
    const length = Array.from(value).length;
    const max = fieldMax(field);
    if (length > max) out.push({ field, length, max });
  }
  return out;
}
