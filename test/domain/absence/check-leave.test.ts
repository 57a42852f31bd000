import { describe, expect, it } from 'vitest';
import { checkLeave, currentOrFuture, effectiveEnd } from '../../../src/domain/absence/check-leave.ts';

const at = (s: string) => new Date(`${s}+08:00`);
const NOW = at('2026-12-02T10:00:00');
const leave = (id: number, from: string, to: string, endedAt: string | null = null) => ({ id, from: at(from), to: at(to), endedAt: endedAt ? at(endedAt) : null });

describe('checkLeave (R7)', () => {
  const existing = [leave(1, '2026-12-03T00:00:00', '2026-12-04T23:59:59.999')];

  it('accepts a leave that does not touch another', () => {
    expect(checkLeave({ from: at('2026-12-05T00:00:00'), to: at('2026-12-06T23:59:59.999') }, existing, NOW)).toEqual([]);
  });

  it('accepts a leave that started earlier today and is still running', () => {
    expect(checkLeave({ from: at('2026-12-02T00:00:00'), to: at('2026-12-02T23:59:59.999') }, existing, NOW)).toEqual([]);
  });

  it.each([
    ['inside', '2026-12-03T09:00:00', '2026-12-03T12:00:00'],
    ['over the start', '2026-12-02T12:00:00', '2026-12-03T00:00:00'],
    ['over the end', '2026-12-04T23:59:59.999', '2026-12-08T00:00:00'],
    ['around it', '2026-12-02T12:00:00', '2026-12-09T00:00:00'],
  ])('refuses a leave overlapping another (%s)', (_name, from, to) => {
    expect(checkLeave({ from: at(from), to: at(to) }, existing, NOW)).toEqual([{ code: 'overlap', with: existing[0] }]);
  });

  it('refuses a leave entirely in the past, and names every problem at once', () => {
    const past = [leave(2, '2026-11-01T00:00:00', '2026-11-05T00:00:00')];
    expect(checkLeave({ from: at('2026-11-02T00:00:00'), to: at('2026-11-03T00:00:00') }, past, NOW)).toEqual([{ code: 'in_past' }, { code: 'overlap', with: past[0] }]);
  });

  it('lets a leave ended early by 销假 no longer block the time after it', () => {
    const ended = [leave(3, '2026-12-01T00:00:00', '2026-12-10T00:00:00', '2026-12-02T09:00:00')];
    expect(checkLeave({ from: at('2026-12-03T00:00:00'), to: at('2026-12-04T00:00:00') }, ended, NOW)).toEqual([]);
    expect(checkLeave({ from: at('2026-12-02T08:00:00'), to: at('2026-12-04T00:00:00') }, ended, NOW)).toHaveLength(1);
    expect(effectiveEnd(ended[0]!)).toEqual(new Date(at('2026-12-02T09:00:00').getTime() - 1));
  });

  it('ignores a future leave that was cancelled', () => {
    const cancelled = [leave(4, '2026-12-08T00:00:00', '2026-12-09T00:00:00', '2026-12-02T09:00:00')];
    expect(checkLeave({ from: at('2026-12-08T00:00:00'), to: at('2026-12-09T00:00:00') }, cancelled, NOW)).toEqual([]);
  });
});

describe('currentOrFuture', () => {
  it('keeps running and coming absences that were not ended', () => {
    const list = [
      leave(1, '2026-11-01T00:00:00', '2026-11-02T00:00:00'),
      leave(2, '2026-12-01T00:00:00', '2026-12-03T00:00:00'),
      leave(3, '2026-12-08T00:00:00', '2026-12-09T00:00:00'),
      leave(4, '2026-12-10T00:00:00', '2026-12-11T00:00:00', '2026-12-01T00:00:00'),
    ];
    expect(currentOrFuture(list, NOW).map((a) => a.id)).toEqual([2, 3]);
  });
});
