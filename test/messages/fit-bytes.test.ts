import { describe, expect, it } from 'vitest';
import { byteLength, clipBytes, fitList } from '../../src/messages/fit-bytes.ts';

describe('fitting WeCom text into 2048 bytes', () => {
  const items = Array.from({ length: 100 }, (_, i) => `${i + 1}. 材料名称比较长的一项证明`);

  it('keeps everything when it fits', () => {
    expect(fitList(['头'], items.slice(0, 3), ['尾'], (n) => `另有 ${n}`)).toBe(['头', ...items.slice(0, 3), '尾'].join('\n'));
  });

  it('drops items from the end and says how many', () => {
    const text = fitList(['头'], items, ['尾'], (n) => `……另有 ${n} 项`);
    expect(byteLength(text)).toBeLessThanOrEqual(2048);
    const kept = text.split('\n').filter((l) => /^\d+\. /.test(l)).length;
    expect(kept).toBeGreaterThan(10);
    expect(text).toContain(`……另有 ${100 - kept} 项\n尾`);
  });

  it('counts items left out before', () => {
    expect(fitList(['头'], ['a'], [], (n) => `另有 ${n}`, { hidden: 5 })).toBe('头\na\n另有 5');
  });

  it('clips on whole characters', () => {
    const clipped = clipBytes('汉'.repeat(1000), 100);
    expect(byteLength(clipped)).toBeLessThanOrEqual(100);
    expect(clipped.endsWith('…')).toBe(true);
    expect(clipBytes('短', 100)).toBe('短');
  });
});
