import { levenshtein } from '../../shared/levenshtein.ts';

/**
 * 指南 (R2): which catalog entry a person means. By code (case- and dash-insensitive), then by the
 * exact name, then by a part of the name; failing that, names that look alike are suggested.
 */
export interface CatalogEntry {
  code: string;
  name: string;
}

export type ServiceMatch<T> =
  | { kind: 'one'; service: T }
  | { kind: 'several'; services: T[] }
  | { kind: 'close'; services: T[] }
  | { kind: 'none' };

const MAX_SUGGESTIONS = 3;

export function matchService<T extends CatalogEntry>(catalog: readonly T[], query: string): ServiceMatch<T> {
  const q = query.normalize('NFKC').replace(/\s+/gu, '');
  if (q === '') return { kind: 'none' };
  const code = codeKey(q);
  const byCode = code === '' ? undefined : catalog.find((s) => codeKey(s.code) === code);
  if (byCode) return { kind: 'one', service: byCode };
  const byName = catalog.find((s) => s.name === q);
  if (byName) return { kind: 'one', service: byName };

  const parts = catalog.filter((s) => s.name.includes(q) || (Array.from(s.name).length >= 2 && q.includes(s.name)));
  if (parts.length === 1 && parts[0]) return { kind: 'one', service: parts[0] };
  if (parts.length > 1) return { kind: 'several', services: parts };

  const close = catalog
    .map((s) => ({ s, ...closeness(s, q) }))
    .filter((x) => x.close)
    .sort((a, b) => a.distance - b.distance || b.shared - a.shared || a.s.code.localeCompare(b.s.code))
    .slice(0, MAX_SUGGESTIONS)
    .map((x) => x.s);
  return close.length > 0 ? { kind: 'close', services: close } : { kind: 'none' };
}

/** `kp-01`, `KP01`, `ＫＰ－０１` are all KP-01. */
function codeKey(text: string): string {
  return text.normalize('NFKC').toUpperCase().replace(/[^A-Z0-9]/gu, '');
}

/**
 * A name is close when it is a few edits away (a typo, one wrong character per four) or shares most
 * of the query's characters (the words in another order or with some left out).
 */
function closeness(s: CatalogEntry, q: string): { close: boolean; distance: number; shared: number } {
  const query = Array.from(q);
  const name = Array.from(s.name);
  const distance = levenshtein(query, name);
  const shared = new Set(query.filter((ch) => name.includes(ch))).size;
  const distinct = new Set(query).size;
  const typo = distance <= Math.max(1, Math.floor(name.length / 4));
  const overlap = shared >= 2 && shared * 3 >= distinct * 2;
  const qCode = codeKey(q);
  const codeTypo = /^[A-Z0-9]+$/u.test(q.toUpperCase().replace(/-/gu, '')) && qCode.length >= 2 && levenshtein(Array.from(qCode), Array.from(codeKey(s.code))) <= 1;
  return { close: typo || overlap || codeTypo, distance: codeTypo ? 1 : distance, shared };
}

