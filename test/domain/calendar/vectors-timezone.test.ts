// Apart from vectors.test.ts because it starts a child process: it runs with the slower tests (the
// e2e project), so that `npm run test:unit` starts no processes.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectedResult, loadVectors, type VectorResult } from './support/vectors.ts';

const vectors = loadVectors();

describe('deadline test vectors (shared/calendar/vectors.json)', () => {
  it('gives the same results when the process runs under TZ=America/New_York', () => {
    const script = fileURLToPath(new URL('./support/print-vector-results.ts', import.meta.url));
    const output = execFileSync(process.execPath, ['--import', 'tsx', script], {
      env: { ...process.env, TZ: 'America/New_York' },
      encoding: 'utf8',
    });
    const { tzOffsetMinutes, results } = JSON.parse(output) as { tzOffsetMinutes: number; results: VectorResult[] };
    expect(tzOffsetMinutes).toBe(300); // proves the child really ran at UTC-5
    expect(results).toEqual(vectors.map(expectedResult));
  });
});
