import { describe, expect, it } from 'vitest';
import { whoCovers } from '../../src/domain/coverage/who-covers.ts';

const posts = [
  { a: 'lihua', b: 'zhaomin' },
  { a: 'chenjing', b: 'sunli' },
];
const facts = (away: string[]) => ({ handler: 'lihua', isAway: (u: string) => away.includes(u), posts, head: 'chenjing' });

describe('who covers a handler (R7)', () => {
  it('is the handler when present', () => expect(whoCovers(facts([]))).toEqual({ userid: 'lihua', via: 'handler' }));
  it('is the B holder when A is away', () => expect(whoCovers(facts(['lihua']))).toEqual({ userid: 'zhaomin', via: 'b' }));
  it('is the department head when A and B are away', () => expect(whoCovers(facts(['lihua', 'zhaomin']))).toEqual({ userid: 'chenjing', via: 'head' }));
  it("is the head's B when the head is away too", () =>
    expect(whoCovers(facts(['lihua', 'zhaomin', 'chenjing']))).toEqual({ userid: 'sunli', via: 'head_b' }));
  it('is nobody when the whole department is away', () => expect(whoCovers(facts(['lihua', 'zhaomin', 'chenjing', 'sunli']))).toBeNull());
  it('never hands a case back to its absent handler as head B', () => {
    const f = { handler: 'lihua', isAway: (u: string) => u !== 'nobody', posts: [{ a: 'chenjing', b: 'lihua' }], head: 'chenjing' };
    expect(whoCovers(f)).toBeNull();
  });
  it('is the stand-in the head named, before the head, when A and B are away (顶岗)', () => {
    const withStandIn = (away: string[]) => ({ ...facts(away), standIn: 'wangfang' });
    expect(whoCovers(withStandIn(['lihua']))).toEqual({ userid: 'zhaomin', via: 'b' });
    expect(whoCovers(withStandIn(['lihua', 'zhaomin']))).toEqual({ userid: 'wangfang', via: 'stand_in' });
    expect(whoCovers(withStandIn(['lihua', 'zhaomin', 'wangfang']))).toEqual({ userid: 'chenjing', via: 'head' });
  });
});
