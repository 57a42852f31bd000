import { describe, expect, it } from 'vitest';
import { digestLine, type DigestCase } from '../../src/messages/reminder-replies.ts';

const NOW = new Date('2026-12-03T09:00:00+08:00');
const names = new Map([['lihua', '李华'], ['zhaomin', '赵敏']]);
const base: DigestCase = { no: 7, cls: 'review', applicant: '张三', matter: '科普项目申报材料', handler: 'lihua', dueAt: new Date('2026-12-02T23:59:59+08:00'), urgent: false };

describe('a digest row says what its reader is to the case', () => {
  it('names the handler for the handler, and who is away for whoever covers', () => {
    expect(digestLine(base, names, NOW)).toMatch(/^#7 张三：科普项目申报材料｜承办人 李华｜期限 /u);
    expect(digestLine({ ...base, part: { kind: 'covering', for: 'lihua' } }, names, NOW)).toMatch(/｜您顶岗（李华不在岗）｜期限 /u);
  });

  it('says B岗 and 首问, and how many working days overdue for those who oversee', () => {
    expect(digestLine({ ...base, part: { kind: 'b' } }, names, NOW)).toContain('｜B岗，承办人 李华｜');
    expect(digestLine({ ...base, part: { kind: 'first_responder' } }, names, NOW)).toContain('｜首问，承办人 李华｜');
    expect(digestLine({ ...base, part: { kind: 'overseeing', overdueDays: 2 } }, names, NOW)).toContain('｜超期 2 个工作日｜承办人 李华｜');
    expect(digestLine({ ...base, part: { kind: 'overseeing', overdueDays: 0 } }, names, NOW)).toContain('｜承办人 李华｜期限');
  });
});
