import { beforeAll, describe, expect, it } from 'vitest';
import { loadWorkCalendar } from '../../../src/holidays/load-work-calendar.ts';
import type { WorkCalendar } from '../../../src/domain/calendar/work-calendar.ts';
import { evaluateVector, expectedResult, loadVectors } from './support/vectors.ts';

const vectors = loadVectors();

describe('deadline test vectors (test/fixtures/calendar/vectors.json)', () => {
  let calendar: WorkCalendar;
  beforeAll(async () => {
    calendar = await loadWorkCalendar();
  });

  it('has cases, some needing 2027 data', () => {
    expect(vectors.length).toBeGreaterThan(10);
    expect(vectors.some((v) => v.needs_2027_data)).toBe(true);
  });

  it.each(vectors.map((v) => [v.id, v] as const))('%s', (_id, vector) => {
    // needs_2027_data cases must come out provisional (2027 unpublished) with the hand-computed value.
    expect(evaluateVector(calendar, vector)).toEqual(expectedResult(vector));
  });
});
