import { describe, expect, it } from 'vitest';
import { caseNoMentioned, personNamed } from '../../../src/domain/complaint/mentions.ts';

const STAFF = [
  { userid: 'lihua', name: '李华' },
  { userid: 'zhaomin', name: '赵敏' },
];

describe('what a complaint points at', () => {
  it.each([
    ['#12 办理太慢', 12],
    ['关于 ＃１２ 的事', 12],
    ['事项 # 7 没人管', 7],
    ['电话 12345 打不通', null],
    ['#0 无效', null],
  ])('%j mentions case %s', (text, no) => expect(caseNoMentioned(text)).toBe(no));

  it('names one person by name or userid, and nobody when several or none are named', () => {
    expect(personNamed('赵敏 态度生硬', STAFF)?.userid).toBe('zhaomin');
    expect(personNamed('lihua 不回消息', STAFF)?.userid).toBe('lihua');
    expect(personNamed('lihuan 不回消息', STAFF)).toBeNull();
    expect(personNamed('李华和赵敏互相推诿', STAFF)).toBeNull();
    expect(personNamed('窗口无人', STAFF)).toBeNull();
  });
});
