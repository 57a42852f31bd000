import { describe, expect, it } from 'vitest';
import { matchService } from '../../../src/domain/services/match-service.ts';

const CATALOG = [
  { code: 'KP-01', name: '科普项目申报材料受理' },
  { code: 'KP-02', name: '市级科普教育基地认定申请' },
  { code: 'XH-01', name: '市级学会成立业务主管审查' },
  { code: 'RC-01', name: '科技工作者合法权益维护' },
];
const codes = (query: string) => {
  const m = matchService(CATALOG, query);
  return { kind: m.kind, codes: m.kind === 'one' ? [m.service.code] : m.kind === 'none' ? [] : m.services.map((s) => s.code) };
};

describe('matchService (指南)', () => {
  it.each(['KP-01', 'kp-01', 'KP01', 'kp 01', 'ＫＰ－０１'])('finds %j by code', (q) => expect(codes(q)).toEqual({ kind: 'one', codes: ['KP-01'] }));

  it('finds by exact name, then by part of the name, then by a name inside the query', () => {
    expect(codes('科技工作者合法权益维护')).toEqual({ kind: 'one', codes: ['RC-01'] });
    expect(codes('权益维护')).toEqual({ kind: 'one', codes: ['RC-01'] });
    expect(codes('科普项目 申报')).toEqual({ kind: 'one', codes: ['KP-01'] });
    expect(codes('科普项目申报材料受理流程')).toEqual({ kind: 'one', codes: ['KP-01'] });
  });

  it('lists every entry a part of the name fits', () => {
    expect(codes('市级')).toEqual({ kind: 'several', codes: ['KP-02', 'XH-01'] });
  });

  it('suggests close names for a typo, a reordering or a near code', () => {
    expect(codes('科普项目申请材料受理')).toEqual({ kind: 'close', codes: ['KP-01'] });
    expect(codes('科普基地认定')).toEqual({ kind: 'close', codes: ['KP-02'] });
    expect(codes('KP-1')).toMatchObject({ kind: 'close', codes: expect.arrayContaining(['KP-01']) });
  });

  it('finds nothing for an unrelated query or an empty one', () => {
    expect(codes('火星移民')).toEqual({ kind: 'none', codes: [] });
    expect(codes('  ')).toEqual({ kind: 'none', codes: [] });
    expect(matchService([], 'KP-01')).toEqual({ kind: 'none' });
  });
});
