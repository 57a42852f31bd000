import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/bot/parse-command.ts';
import { parseChinaDateTime } from '../../../src/bot/parsing/parse-date.ts';
import { renderParseErrors } from '../../../src/messages/parse-error-replies.ts';

const NOW = new Date('2026-11-28T10:00:00+08:00');

// A seeded generator, so a failure can be replayed.
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FRAGMENTS = [
  '登记', '办结', '转办', '外转', '补正', '补齐', '拒绝', '紧急', '请假', '销假', '待办', '查', '投诉', '指南', '同意', '纠正', '上报', '帮助',
  '来电', '来人', '来信', '网上', '来京', '审核', '批复', '咨询', '维权', '内部', '请示', 'KP-01', '张三', '13800000000', '0543-3211234',
  '#12', '＃０', '#', '12', '#99999999999', '期限', '期限：', '12月5日', '2月30日', '12-01', '2026/12/1', '今天', '明天', '后天', '下午', '5点',
  '17:30', '上午9点半', '至', '到', '全部', '1、3', '1-3', '3-1', '第2项', '，', '、', '；', '。', '？', '?', '　', ' ', ' ', '\n', '\t',
  '😀', '👨‍👩‍👧', '\u200b', '\ufeff', '\ud800', '\udc00', '\u0000', 'ｈｅｌｐ', '（', '）', '前', '号', '十二点', '晚上12点',
];

function randomInput(rand: () => number): string {
  const pieces: string[] = [];
  const n = Math.floor(rand() * 12);
  for (let i = 0; i < n; i++) {
    const roll = rand();
    if (roll < 0.7) pieces.push(FRAGMENTS[Math.floor(rand() * FRAGMENTS.length)] ?? '');
    else if (roll < 0.85) pieces.push(String.fromCharCode(Math.floor(rand() * 0x10000)));
    else pieces.push(String.fromCodePoint(Math.floor(rand() * 0x110000)).slice(0, Math.ceil(rand() * 2)));
    if (rand() < 0.6) pieces.push(rand() < 0.5 ? ' ' : '\u3000');
  }
  return pieces.join('');
}

function expectTotal(text: string): void {
  const result = parseCommand(text, { now: NOW });
  if (result.ok) {
    expect(typeof result.command.type).toBe('string');
  } else {
    expect(result.errors.length).toBeGreaterThan(0);
    expect(renderParseErrors(result.errors).length).toBeGreaterThan(0);
  }
}

describe('parseCommand never throws', () => {
  it('on 5000 random inputs: always ok, or a non-empty list of errors', () => {
    const rand = mulberry32(20261128);
    for (let i = 0; i < 5000; i++) {
      const text = randomInput(rand);
      try {
        expectTotal(text);
      } catch (error) {
        throw new Error(`input #${i} ${JSON.stringify(text)}: ${String(error)}`);
      }
    }
  });

  it.each([
    ['10k characters', '登记 来电 咨询 张三 '.concat('很长的事由'.repeat(2000))],
    ['10k random CJK', Array.from({ length: 10_000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20_000))).join('')],
    ['only spaces', ' '.repeat(500)],
    ['only full-width spaces', '\u3000'.repeat(500)],
    ['emoji', '😀😀 😀'],
    ['lone surrogates', '\ud800 \udfff 登记 \ud800'],
    ['control characters', '\u0000\u0001 办结 #12 \u0007'],
    ['many case numbers', '办结 '.concat('#1 '.repeat(3000))],
    ['many dates', '请假 '.concat('明天 '.repeat(3000))],
  ])('%s', (_, text) => {
    expectTotal(text);
  });

  it('keeps a 事由 at its bound whole and refuses a 10k-character one (issue 14 item 9)', () => {
    const matter = '很长的事由'.repeat(60);
    const result = parseCommand(`登记 来电 咨询 张三 ${matter}`, { now: NOW });
    expect(result.ok && result.command.type === 'register' && result.command.matter).toBe(matter);
    const long = parseCommand(`登记 来电 咨询 张三 ${'很长的事由'.repeat(2000)}`, { now: NOW });
    expect(long).toEqual({ ok: false, errors: [{ code: 'field_too_long', params: { command: 'register', field: 'matter', length: 10_000, max: 300 } }] });
  });

  it('parseChinaDateTime never throws on random input, even with an invalid now', () => {
    const rand = mulberry32(7);
    for (let i = 0; i < 2000; i++) {
      const text = randomInput(rand);
      expect(() => parseChinaDateTime(text, NOW, { defaultTime: 'end' })).not.toThrow();
      expect(() => parseChinaDateTime(text.split(' '), new Date(Number.NaN), { defaultTime: 'start' })).not.toThrow();
    }
  });
});
