import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/bot/parse-command.ts';
import { renderParseErrors } from '../../../src/messages/parse-error-replies.ts';

const parse = (text: string) => parseCommand(text, { now: new Date('2026-12-04T10:00:00+08:00') });

describe('答复投诉 (office extension)', () => {
  it.each([
    ['答复投诉 3 属实 已约谈当事人', 3, true, '已约谈当事人'],
    ['答复投诉 #3 不属实 经核查已按时办结', 3, false, '经核查已按时办结'],
    ['答复投诉：3 属实，已约谈，并通报', 3, true, '已约谈，并通报'],
    ['答复投诉3 属实 已处理', 3, true, '已处理'],
    ['答复投诉 ３ 属实 已处理', 3, true, '已处理'],
  ])('reads %j', (text, complaintId, upheld, answer) => {
    expect(parse(text)).toEqual({ ok: true, command: { type: 'answerComplaint', complaintId, upheld, answer } });
  });

  it('names every mistake at once', () => {
    const r = parse('答复投诉');
    expect(r.ok ? [] : r.errors.map((e) => e.params?.field)).toEqual(['complaintId', 'verdict', 'answer']);
    const s = parse('答复投诉 abc 也许 算了');
    expect(s.ok ? [] : s.errors.map((e) => e.params?.field)).toEqual(['complaintId', 'verdict']);
    const zero = parse('答复投诉 0 属实 好');
    expect(zero.ok ? [] : zero.errors.map((e) => e.params?.field)).toEqual(['complaintId']);
    if (!r.ok) expect(renderParseErrors(r.errors)).toContain('1. 请写上投诉编号（格式：答复投诉 编号 属实|不属实 答复内容）。');
  });

  it('leaves the CONTRACT commands alone', () => {
    expect(parse('投诉 答复太慢')).toEqual({ ok: true, command: { type: 'complain', content: '答复太慢' } });
    expect(parse('答复 #3')).toMatchObject({ ok: false, errors: [{ code: 'unknown_command' }] });
  });
});
