import { fit } from '../../../src/messages/cards/validate-card.ts';
import { describe, expect, it } from 'vitest';
import { buildRefusalCard, type RefusalCardState, type RefusalCardView } from '../../../src/messages/cards/refusal-card.ts';
import { refusalTaskId, refusalTaskNonce } from '../../../src/messages/cards/refusal-task-id.ts';
import { assertValidCard, cardViolations, chars } from '../../../src/messages/cards/validate-card.ts';

const NOW = new Date('2026-12-01T09:30:00+08:00');
const LONG = '关于申请某某市科学技术协会下属单位二〇二六年度科普项目专项资金补助的有关材料复核及补充说明事项'.repeat(6);

function view(over: Partial<RefusalCardView> = {}): RefusalCardView {
  return {
    taskId: refusalTaskId('a1b2c3d4e5f6', 12, '9f8e7d6c', 'leader'),
    role: 'leader',
    caseNo: 12,
    applicant: '张三',
    matter: '科普项目申报条件',
    cls: 'consultation',
    receivedAt: NOW,
    dueAt: new Date('2026-12-04T15:59:59.999Z'),
    reason: '不符合申报条件',
    filerName: '李华',
    leaderName: '王强',
    now: NOW,
    ...over,
  };
}

const ALL_STATES: RefusalCardState[] = [
  { kind: 'open' },
  { kind: 'awaiting_instruction' },
  { kind: 'escalated', principalName: '张伟', at: NOW },
  { kind: 'approved', byName: '王强', at: NOW, noticeDueAt: new Date('2026-12-08T15:59:59.999Z') },
  { kind: 'overturned', byName: '王强', at: NOW, instruction: LONG },
  { kind: 'lapsed' },
];

describe('the refusal card', () => {
  it('shows the case, the reason and the three choices for the supervising leader', () => {
    const card = buildRefusalCard(view(), { kind: 'open' });
    expect(card).toMatchObject({
      card_type: 'button_interaction',
      source: { desc: '效能助手' },
      main_title: { title: '不予办理报备 #12', desc: '李华提交，请您决定' },
      sub_title_text: '理由：不符合申报条件',
      task_id: 'xn-a1b2c3d4e5f6-rf12-9f8e7d6c-leader',
      button_list: [
        { text: '同意不予办理', style: 1, key: 'approve' },
        { text: '予以纠正', style: 2, key: 'overturn' },
        { text: '提交主要负责人', style: 3, key: 'escalate' },
      ],
    });
    expect(card['horizontal_content_list']).toEqual([
      { keyname: '当事人', value: '张三' },
      { keyname: '事由', value: '科普项目申报条件' },
      { keyname: '类别', value: '咨询' },
      { keyname: '受理', value: '12月1日 09:30' },
      { keyname: '期限', value: '12月4日（周五）24:00' },
      { keyname: '报备人', value: '李华' },
    ]);
    expect(card).not.toHaveProperty('replace_text');
    expect(cardViolations(card)).toEqual([]);
  });

  it('gives the principal only approve and overturn, with the leader note', () => {
    const card = buildRefusalCard(view({ role: 'principal', escalationNote: '涉及重大事项' }), { kind: 'open' });
    expect((card['button_list'] as { key: string }[]).map((b) => b.key)).toEqual(['approve', 'overturn']);
    expect(card['main_title']).toMatchObject({ desc: '分管领导王强提交您决定' });
    expect(card['quote_area']).toMatchObject({ title: '分管领导说明', quote_text: '涉及重大事项' });
  });

  it.each(ALL_STATES)('keeps every field within the rules for long Chinese inputs ($kind)', (state) => {
    const long = view({ applicant: LONG, matter: LONG, reason: LONG, filerName: LONG, leaderName: LONG, escalationNote: LONG });
    for (const role of ['leader', 'principal'] as const) {
      const card = buildRefusalCard({ ...long, role }, state);
      expect(cardViolations(card)).toEqual([]);
      const items = card['horizontal_content_list'] as { keyname: string; value: string }[];
      expect(items[0]!.value).toHaveLength(30);
      expect(items[0]!.value.endsWith('…')).toBe(true);
      expect(chars(card['sub_title_text'] as string)).toBe(160);
      if (state.kind !== 'open') expect(card['replace_text']).toEqual(expect.any(String));
    }
  });

  it('says what happened in each later state', () => {
    const texts = ALL_STATES.slice(1).map((s) => {
      const card = buildRefusalCard(view(), s);
      return `${card['replace_text'] as string}|${(card['quote_area'] as { quote_text: string }).quote_text}`;
    });
    expect(texts[0]).toBe('待回复纠正意见|请回复“纠正 #12 意见”，意见将发送承办人继续办理。');
    expect(texts[1]).toBe('已提交主要负责人|12月1日 09:30 已提交主要负责人张伟决定。');
    expect(texts[2]).toBe('已同意不予办理|王强 12月1日 09:30 同意不予办理；须在 12月8日（周二）24:00 前书面告知当事人。');
    expect(texts[3]).toMatch(/^已予以纠正\|王强 12月1日 09:30 予以纠正：关于申请.*…$/);
  });

  it('cuts with an ellipsis by characters, not bytes', () => {
    expect(fit('一二三四五', 5)).toBe('一二三四五');
    expect(fit('一二三四五六', 5)).toBe('一二三四…');
    expect(fit('😀😀😀😀😀😀', 3)).toBe('😀😀…');
  });
});

describe('the card field rules', () => {
  const good = () => buildRefusalCard(view(), { kind: 'open' });

  it('finds each broken rule of docs/PROTOCOL.md §6.1', () => {
    const bad = {
      ...good(),
      task_id: `${'x'.repeat(120)}#中文`,
      main_title: { title: '' },
      sub_title_text: '长'.repeat(161),
      horizontal_content_list: Array.from({ length: 7 }, () => ({ keyname: '六个字的键名', value: '值'.repeat(31) })),
      button_list: [
        { text: '同意', key: 'same' },
        { text: '驳回', key: 'same', style: 9 },
        { text: '', key: 'k'.repeat(1025) },
      ],
    };
    const v = cardViolations(bad);
    expect(v).toEqual(
      expect.arrayContaining([
        expect.stringContaining('task_id xxx'),
        'main_title.title must be a non-empty string',
        'sub_title_text has 161 chars (max 160)',
        'horizontal_content_list has 7 items (max 6)',
        'horizontal_content_list[0].keyname has 6 chars (max 5)',
        'horizontal_content_list[0].value has 31 chars (max 30)',
        'button_list[1].key same is not unique',
        'button_list[1].style must be 1..4',
        'button_list[2].text is required',
        'button_list[2].key is over 1024 bytes',
      ]),
    );
    expect(() => assertValidCard(bad)).toThrow(/invalid template_card/);
  });

  it('requires a task_id and 1..6 buttons on a button_interaction card', () => {
    const { task_id: _t, ...noTask } = good();
    expect(cardViolations(noTask)).toContain('task_id is required');
    expect(cardViolations({ ...good(), button_list: [] })).toContain('button_list must have 1..6 buttons');
    expect(cardViolations({ ...good(), task_id: 'a'.repeat(129) })).toContain('task_id is over 128 bytes');
  });

  it('makes task_ids within the charset and length for any filing id', () => {
    for (const id of [1, 2_147_483_647]) {
      const taskId = refusalTaskId('0123456789ab', id, 'ffffffff', 'principal');
      expect(taskId).toMatch(/^[0-9A-Za-z_\-@]{1,128}$/);
    }
    expect(refusalTaskId('0123456789ab', 7, '00000001', 'leader')).not.toBe(refusalTaskId('0123456789ab', 7, '00000001', 'principal'));
    // The same filing number after a restore gets another nonce, so WeCom sees a new task_id.
    expect(refusalTaskId('0123456789ab', 7, '00000001', 'leader')).not.toBe(refusalTaskId('0123456789ab', 7, '00000002', 'leader'));
    expect(refusalTaskNonce(refusalTaskId('0123456789ab', 7, '0a0b0c0d', 'principal'))).toBe('0a0b0c0d');
  });
});
