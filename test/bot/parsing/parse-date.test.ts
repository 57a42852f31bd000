import { describe, expect, it } from 'vitest';
import { parseChinaDateTime } from '../../../src/bot/parsing/parse-date.ts';

const NOW = new Date('2026-11-28T10:00:00+08:00');
const at = (iso: string) => new Date(iso).toISOString();

describe('parseChinaDateTime (China time, now = 2026-11-28 10:00)', () => {
  it.each([
    ['2026-12-01', '2026-12-01T23:59:59.999+08:00'],
    ['2026/12/1', '2026-12-01T23:59:59.999+08:00'],
    ['2026年12月1日', '2026-12-01T23:59:59.999+08:00'],
    ['12-01', '2026-12-01T23:59:59.999+08:00'],
    ['12/1', '2026-12-01T23:59:59.999+08:00'],
    ['12月1日', '2026-12-01T23:59:59.999+08:00'],
    ['12月1号', '2026-12-01T23:59:59.999+08:00'],
    ['１２月１日', '2026-12-01T23:59:59.999+08:00'],
    ['今天', '2026-11-28T23:59:59.999+08:00'],
    ['明天', '2026-11-29T23:59:59.999+08:00'],
    ['后天', '2026-11-30T23:59:59.999+08:00'],
    ['11月28日', '2026-11-28T23:59:59.999+08:00'],
    ['11月27日', '2027-11-27T23:59:59.999+08:00'],
    ['12月5日 17:30', '2026-12-05T17:30:00+08:00'],
    ['12月5日17:30', '2026-12-05T17:30:00+08:00'],
    ['12月5日 17：30', '2026-12-05T17:30:00+08:00'],
    ['2026-12-01T09:15', '2026-12-01T09:15:00+08:00'],
    ['明天 17点', '2026-11-29T17:00:00+08:00'],
    ['明天 17点30', '2026-11-29T17:30:00+08:00'],
    ['明天 17点30分', '2026-11-29T17:30:00+08:00'],
    ['明天下午5点', '2026-11-29T17:00:00+08:00'],
    ['明天 下午5点', '2026-11-29T17:00:00+08:00'],
    ['明天 下午 5点', '2026-11-29T17:00:00+08:00'],
    ['明天 下午五点', '2026-11-29T17:00:00+08:00'],
    ['明天 上午9点半', '2026-11-29T09:30:00+08:00'],
    ['明天 晚上8点', '2026-11-29T20:00:00+08:00'],
    ['明天 中午12点', '2026-11-29T12:00:00+08:00'],
    ['12月5日前', '2026-12-05T23:59:59.999+08:00'],
    ['17:30', '2026-11-28T17:30:00+08:00'],
  ])('%s → %s', (input, expected) => {
    const result = parseChinaDateTime(input, NOW, { defaultTime: 'end' });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.date.toISOString()).toBe(at(expected));
  });

  it('rolls a month-day over into next year (1月3日 on 2026-12-30 → 2027-01-03)', () => {
    const result = parseChinaDateTime('1月3日', new Date('2026-12-30T10:00:00+08:00'), { defaultTime: 'end' });
    expect(result.ok && result.date.toISOString()).toBe(at('2027-01-03T23:59:59.999+08:00'));
  });

  it('uses the China date of now, not the UTC date (23:30 China time is already the next UTC day minus 8h)', () => {
    // 2026-12-31T16:30Z is 2027-01-01 00:30 in China: 明天 is 1月2日.
    const result = parseChinaDateTime('明天', new Date('2026-12-31T16:30:00Z'), { defaultTime: 'end' });
    expect(result.ok && result.date.toISOString()).toBe(at('2027-01-02T23:59:59.999+08:00'));
  });

  it('starts the day at 00:00 for defaultTime start', () => {
    const result = parseChinaDateTime('12月1日', NOW, { defaultTime: 'start' });
    expect(result.ok && result.date.toISOString()).toBe(at('2026-12-01T00:00:00+08:00'));
    expect(result.ok && result.hasTime).toBe(false);
  });

  it.each(['2月30日', '2026-02-29', '13月1日', '12月32日', '25:00', '明天 24:00', '明天 上午15点', '下周八', '', '   ', '12月5日 17:30 多余'])(
    'rejects %j',
    (input) => {
      expect(parseChinaDateTime(input, NOW, { defaultTime: 'end' }).ok).toBe(false);
    },
  );

  it('accepts 2月29日 in a leap year', () => {
    const result = parseChinaDateTime('2028-02-29', NOW, { defaultTime: 'end' });
    expect(result.ok && result.date.toISOString()).toBe(at('2028-02-29T23:59:59.999+08:00'));
  });

  it('reports how many tokens the date and time took, leaving the rest', () => {
    expect(parseChinaDateTime(['12月5日', '17:30', '整理材料'], NOW, { defaultTime: 'end' })).toMatchObject({ ok: true, consumed: 2, hasTime: true });
    expect(parseChinaDateTime(['明天', '下午', '5点', '开会'], NOW, { defaultTime: 'end' })).toMatchObject({ ok: true, consumed: 3 });
    expect(parseChinaDateTime(['12月3日', '年休假'], NOW, { defaultTime: 'end' })).toMatchObject({ ok: true, consumed: 1, hasTime: false });
    expect(parseChinaDateTime(['年休假'], NOW, { defaultTime: 'end' })).toEqual({ ok: false, consumed: 0 });
  });
});
