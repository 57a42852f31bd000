import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../../src/bot/parsing/period.ts';

const NOW = new Date('2026-12-01T10:00:00+08:00');
const key = (word: string) => parsePeriod(word, NOW)?.key;

describe('periods as people name them', () => {
  it.each([
    ['2026', '2026'],
    ['2026年', '2026'],
    ['2026上半年', '2026-H1'],
    ['2026年上半年', '2026-H1'],
    ['2026年中', '2026-H1'],
    ['2026下半年', '2026-H2'],
    ['2026年终', '2026'],
    ['2026-11', '2026-11'],
    ['2026年11月', '2026-11'],
    ['11月', '2026-11'],
    ['上半年', '2026-H1'],
    ['年终', '2026'],
    ['今年', '2026'],
    ['去年', '2025'],
    ['本月', '2026-12'],
    ['上月', '2026-11'],
  ])('%s is %s', (word, expected) => expect(key(word)).toBe(expected));

  it.each(['2026第三季度', '13月', '2026年13月', '0000', '明年', '上半', '2026-H1x'])('%s is not a period', (word) => expect(key(word)).toBeUndefined());
});
