import { MATERIAL_WORDS as W } from '../../messages/vocabulary.ts';
import { anyOf } from '../../shared/words.ts';
import { clip, commandError, type ParseError } from './parse-error.ts';
import { joinNorm, type Token } from './tokens.ts';

const SEPARATORS = /[、,;\s]+/u;
const ALL = new RegExp(`^(?:${anyOf(W.all)})$`, 'iu');
const COUNTER = `(?:${anyOf(W.counters)})?`;
const INDEX = new RegExp(`^${W.ordinalPrefix}?(\\d{1,4})${COUNTER}$`, 'u');
const RANGE = new RegExp(`^${W.ordinalPrefix}?(\\d{1,4})(?:${anyOf(W.rangeWords)})(\\d{1,4})${COUNTER}$`, 'u');
/** One missing material of 补正: a name as typed, or a 1-based position in the service's list. */
export type MaterialItem = { name: string } | { index: number };

// Ranges longer than this are typos; no service lists that many materials.
const MAX_RANGE = 50;

/**
 * 补正's list: names, 1-based positions in the service's materials (`1、3`, `第2项`, `1-3`), or 全部.
 * Positions beyond the service's list are for the caller to check; zero and reversed ranges are errors here.
 */
export function parseMaterials(tokens: readonly Token[], errors: ParseError[]): { all: true } | { all: false; materials: MaterialItem[] } {
  const parts = joinNorm(tokens)
    .split(SEPARATORS)
    .map((part) => part.replace(/[。.]+$/u, ''))
    .filter((part) => part.length > 0);
  if (parts.some((part) => ALL.test(part))) return { all: true };
  const materials: MaterialItem[] = [];
  const seen = new Set<string>();
  const add = (item: MaterialItem, key: string) => {
    if (!seen.has(key)) materials.push(item);
    seen.add(key);
  };
  for (const part of parts) {
    const index = INDEX.exec(part);
    const range = RANGE.exec(part);
    if (index) {
      const n = Number(index[1]);
      if (n < 1) errors.push(commandError('bad_material_index', 'requestMaterials', { value: clip(part) }));
      else add({ index: n }, `#${n}`);
    } else if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (from < 1 || to < from || to - from >= MAX_RANGE) errors.push(commandError('bad_material_index', 'requestMaterials', { value: clip(part) }));
      else for (let n = from; n <= to; n++) add({ index: n }, `#${n}`);
    } else {
      add({ name: part }, part);
    }
  }
  if (parts.length === 0) errors.push(commandError('missing_field', 'requestMaterials', { field: 'materials' }));
  return { all: false, materials };
}

