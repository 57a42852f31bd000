import { describe, expect, it } from 'vitest';
import { parseCommand, type ParseResult } from '../../../src/bot/parse-command.ts';

const NOW = new Date('2026-11-28T10:00:00+08:00');
const parse = (text: string) => parseCommand(text, { now: NOW });
const codes = (result: ParseResult) => (result.ok ? [] : result.errors.map((e) => e.code));

function command(text: string) {
  const result = parse(text);
  if (!result.ok) throw new Error(`expected ${text} to parse, got ${JSON.stringify(result.errors)}`);
  return result.command;
}

describe('帮助', () => {
  it.each(['帮助', '?', '？', 'help', 'HELP', '菜单', '帮助。', ' 帮助 '])('%j is help', (text) => {
    expect(command(text)).toEqual({ type: 'help' });
  });
});

describe('登记', () => {
  it('reads the CONTRACT example: channel, class, applicant, phone, matter', () => {
    expect(command('登记 来电 咨询 张三 13800000000 科普项目申报条件')).toEqual({
      type: 'register',
      channel: 'phone',
      category: { kind: 'class', cls: 'consultation' },
      applicant: '张三',
      phone: '13800000000',
      matter: '科普项目申报条件',
    });
  });

  it('accepts full-width spaces', () => {
    expect(command('登记　来电　咨询　张三　科普项目申报条件')).toEqual({
      type: 'register',
      channel: 'phone',
      category: { kind: 'class', cls: 'consultation' },
      applicant: '张三',
      matter: '科普项目申报条件',
    });
  });

  it('takes an internal deadline and keeps it out of 事由', () => {
    expect(command('登记 内部 李四 整理年度材料 期限 12月5日 17:30')).toEqual({
      type: 'register',
      category: { kind: 'class', cls: 'internal' },
      applicant: '李四',
      matter: '整理年度材料',
      internalDueAt: new Date('2026-12-05T17:30:00+08:00'),
    });
  });

  it('finds 期限 anywhere after the class, glued or not', () => {
    const a = command('登记 内部 期限 12月5日 李四 整理 年度材料');
    expect(a).toMatchObject({ applicant: '李四', matter: '整理 年度材料', internalDueAt: new Date('2026-12-05T23:59:59.999+08:00') });
    const b = command('登记 内部 李四 期限：明天下午5点 整理年度材料');
    expect(b).toMatchObject({ matter: '整理年度材料', internalDueAt: new Date('2026-11-29T17:00:00+08:00') });
  });

  it('takes a service code or name as the category, for the caller to resolve', () => {
    expect(command('登记 KP-01 王五 科普项目申报')).toEqual({
      type: 'register',
      category: { kind: 'service', ref: 'KP-01' },
      applicant: '王五',
      matter: '科普项目申报',
    });
    expect(command('登记 网上 ＫＰ－０１ 王五 科普项目申报')).toMatchObject({ channel: 'online', category: { kind: 'service', ref: 'KP-01' } });
    expect(command('登记 科普项目申报材料受理 王五 申报')).toMatchObject({ category: { kind: 'service', ref: '科普项目申报材料受理' } });
  });

  it.each([
    ['来人', 'in_person'],
    ['来电', 'phone'],
    ['来信', 'letter'],
    ['网上', 'online'],
  ])('channel %s → %s', (word, channel) => {
    expect(command(`登记 ${word} 审核 张三 材料`)).toMatchObject({ channel });
  });

  it.each([
    ['审核', 'review'],
    ['批复', 'approval'],
    ['咨询', 'consultation'],
    ['维权', 'rights'],
    ['请示', 'instruction'],
  ])('class %s → %s', (word, cls) => {
    // No channel typed: the case decides (来人, or 内部交办 for an internal matter).
    const parsed = command(`登记 ${word} 张三 事由`);
    expect(parsed).toMatchObject({ category: { kind: 'class', cls } });
    expect(parsed).not.toHaveProperty('channel');
  });

  it.each(['0543-3211234', '(0543)3211234', '3211234', '32112345', '+8613800000000', '138-0000-0000'])('phone %s', (phone) => {
    expect(command(`登记 来电 咨询 张三 ${phone} 问题`)).toMatchObject({ applicant: '张三', phone, matter: '问题' });
  });

  it('keeps the spaces and punctuation of 事由 as typed, and a number that is no phone', () => {
    expect(command('登记 咨询 张三 2026年 申报条件，需要 哪些材料？')).toMatchObject({ matter: '2026年 申报条件，需要 哪些材料？' });
    expect(command('登记 咨询 张三 第一行\n第二行')).toMatchObject({ matter: '第一行\n第二行' });
  });

  it('splits a name typed straight before a mobile number', () => {
    expect(command('登记 咨询 张三13800000000 问题')).toMatchObject({ applicant: '张三', phone: '13800000000', matter: '问题' });
  });

  it('takes the channel after the category too', () => {
    expect(command('登记 咨询 来电 张三 问题')).toMatchObject({ channel: 'phone', applicant: '张三', matter: '问题' });
  });

  it('leaves 期限 in a consultation matter when no date follows', () => {
    expect(command('登记 咨询 张三 申报 期限 是多久')).toMatchObject({ matter: '申报 期限 是多久' });
  });

  it('passes a deadline through for a service category', () => {
    expect(command('登记 BG-02 张三 整理 期限 明天')).toMatchObject({ internalDueAt: new Date('2026-11-29T23:59:59.999+08:00') });
  });

  it('reports every mistake of 登记 内部 at once', () => {
    expect(codes(parse('登记 内部'))).toEqual(['missing_applicant', 'missing_matter', 'internal_needs_deadline']);
  });

  it.each([
    ['登记', ['missing_category', 'missing_applicant', 'missing_matter']],
    ['登记 来电', ['missing_category', 'missing_applicant', 'missing_matter']],
    ['登记 来访 咨询 张三 问题', []],
    ['登记 来访人 咨询 张三 问题', ['unknown_channel']],
    ['登记 来京 咨询 张三 问题', ['unknown_channel']],
    ['登记 咨询 张三', ['missing_matter']],
    ['登记 咨询 13800000000 问题', ['missing_applicant']],
    ['登记 咨询 张三 问题 期限 明天', ['deadline_not_allowed']],
    ['登记 内部 李四 整理材料', ['internal_needs_deadline']],
    ['登记 内部 李四 整理材料 期限', ['internal_needs_deadline']],
    ['登记 内部 李四 整理材料 期限 下周八', ['bad_date']],
    ['登记 内部 李四 整理材料 期限 2月30日', ['bad_date']],
    ['登记 内部 李四 整理材料 期限 2026-11-01', ['deadline_in_past']],
    ['登记 内部 李四 整理材料 期限 今天 9:00', ['deadline_in_past']],
    ['登记 来京 内部 期限 2月30日', ['unknown_channel', 'missing_applicant', 'missing_matter', 'bad_date']],
  ])('%j → %j', (text, expected) => {
    if (expected.length === 0) expect(parse(text).ok).toBe(true);
    else expect(codes(parse(text))).toEqual(expected);
  });

  it('names the mistaken values and the command in params', () => {
    const result = parse('登记 内部 李四 整理材料 期限 2月30日 17:00');
    expect(result.ok ? null : result.errors).toEqual([{ code: 'bad_date', params: { command: 'register', field: 'deadline', value: '2月30日 17:00' } }]);
  });
});

describe('case numbers', () => {
  it.each(['#12', '＃12', '12', '#0012', '＃１２', '# 12', '12号', '#12，'])('%j → 12', (no) => {
    expect(command(`查 ${no}`)).toEqual({ type: 'show', caseNo: 12 });
  });

  it.each(['#0', '#abc', '#12.5', '#99999999999', '#-3', '12ab'])('%j is a bad case number', (no) => {
    expect(codes(parse(`办结 ${no} 已答复`))).toEqual(['bad_case_no']);
  });

  it('takes a missing number as missing, leaving the words for the next field', () => {
    expect(codes(parse('办结 已答复'))).toEqual(['missing_case_no']);
    expect(codes(parse('办结'))).toEqual(['missing_case_no', 'missing_field']);
  });

  it('reads a command glued to its number, and text glued after the number', () => {
    expect(command('查#12')).toEqual({ type: 'show', caseNo: 12 });
    expect(command('办结#12，已电话答复')).toEqual({ type: 'finish', caseNo: 12, result: '已电话答复' });
    expect(command('办结：＃１２ 已答复')).toEqual({ type: 'finish', caseNo: 12, result: '已答复' });
  });
});

describe('case commands', () => {
  it.each([
    ['办结 #12 已电话答复', { type: 'finish', caseNo: 12, result: '已电话答复' }],
    ['办结 #12 已答复 并寄送材料', { type: 'finish', caseNo: 12, result: '已答复 并寄送材料' }],
    ['转办 #12 科普部', { type: 'transfer', caseNo: 12, target: '科普部' }],
    ['转办 #12 @lihua 请尽快联系', { type: 'transfer', caseNo: 12, target: 'lihua', note: '请尽快联系' }],
    ['外转 #12 市人社局 职称评审由该局负责', { type: 'referOut', caseNo: 12, competentBody: '市人社局', explanation: '职称评审由该局负责' }],
    ['补齐 #12', { type: 'materialsComplete', caseNo: 12 }],
    ['补齐 #12 已收到原件', { type: 'materialsComplete', caseNo: 12, note: '已收到原件' }],
    ['拒绝 #12 不符合申报条件', { type: 'refuse', caseNo: 12, reason: '不符合申报条件' }],
    ['紧急 #12 多人集体来访', { type: 'urgent', caseNo: 12, note: '多人集体来访' }],
    ['查 #12', { type: 'show', caseNo: 12 }],
    ['同意 #12', { type: 'approve', caseNo: 12 }],
    ['纠正 #12 请补充材料后受理', { type: 'overturn', caseNo: 12, instruction: '请补充材料后受理' }],
    ['上报 #12', { type: 'escalate', caseNo: 12 }],
    ['上报 #12 涉及重大利益', { type: 'escalate', caseNo: 12, note: '涉及重大利益' }],
  ])('%j', (text, expected) => {
    expect(command(text)).toEqual(expected);
  });

  it.each([
    ['转办 #12', 'target'],
    ['外转 #12 市人社局', 'explanation'],
    ['拒绝 #12', 'reason'],
    ['紧急 #12', 'note'],
    ['纠正 #12', 'instruction'],
    ['补正 #12', 'materials'],
  ])('%j misses %s', (text, field) => {
    const result = parse(text);
    expect(result.ok ? null : result.errors).toEqual([{ code: 'missing_field', params: { command: expect.any(String), field } }]);
  });

  it('外转 without anything reports the number, the body and the explanation', () => {
    expect(parse('外转')).toMatchObject({
      ok: false,
      errors: [{ code: 'missing_case_no' }, { code: 'missing_field', params: { field: 'competentBody' } }, { code: 'missing_field', params: { field: 'explanation' } }],
    });
  });
});

describe('补正', () => {
  it.each([
    ['补正 #12 申报书、推荐意见', [{ name: '申报书' }, { name: '推荐意见' }]],
    ['补正 #12 申报书，推荐意见；法人证书复印件', [{ name: '申报书' }, { name: '推荐意见' }, { name: '法人证书复印件' }]],
    ['补正 #12 申报书 推荐意见,申报书', [{ name: '申报书' }, { name: '推荐意见' }]],
    ['补正 #12 1、3', [{ index: 1 }, { index: 3 }]],
    ['补正 #12 第2项、申报书', [{ index: 2 }, { name: '申报书' }]],
    ['补正 #12 1-3', [{ index: 1 }, { index: 2 }, { index: 3 }]],
    ['补正 #12 １、３。', [{ index: 1 }, { index: 3 }]],
  ])('%j', (text, materials) => {
    expect(command(text)).toEqual({ type: 'requestMaterials', caseNo: 12, all: false, materials });
  });

  it('全部 means every material of the service', () => {
    expect(command('补正 #12 全部')).toEqual({ type: 'requestMaterials', caseNo: 12, all: true });
  });

  it.each(['补正 #12 0', '补正 #12 3-1'])('%j is a bad index', (text) => {
    expect(codes(parse(text))).toEqual(['bad_material_index']);
  });
});

describe('请假 and 销假', () => {
  it('from the start of the first day to the end of the last, with a reason', () => {
    expect(command('请假 12月1日 12月3日 年休假')).toEqual({
      type: 'leave',
      from: new Date('2026-12-01T00:00:00+08:00'),
      to: new Date('2026-12-03T23:59:59.999+08:00'),
      reason: '年休假',
    });
  });

  it.each([
    ['请假 明天 后天', '2026-11-29T00:00:00+08:00', '2026-11-30T23:59:59.999+08:00'],
    ['请假 明天 明天', '2026-11-29T00:00:00+08:00', '2026-11-29T23:59:59.999+08:00'],
    ['请假 今天 14:00 今天 17:30', '2026-11-28T14:00:00+08:00', '2026-11-28T17:30:00+08:00'],
    ['请假 明天上午9点 明天下午5点', '2026-11-29T09:00:00+08:00', '2026-11-29T17:00:00+08:00'],
    ['请假 12月1日至12月3日', '2026-12-01T00:00:00+08:00', '2026-12-03T23:59:59.999+08:00'],
    ['请假 12-01 到 12-03', '2026-12-01T00:00:00+08:00', '2026-12-03T23:59:59.999+08:00'],
  ])('%j', (text, from, to) => {
    expect(command(text)).toEqual({ type: 'leave', from: new Date(from), to: new Date(to) });
  });

  it.each([
    ['请假', ['missing_field', 'missing_field']],
    ['请假 明天', ['missing_field']],
    ['请假 后天 明天', ['leave_end_before_start']],
    ['请假 看病', ['bad_date', 'missing_field']],
    ['请假 2月30日 3月2日 出差', ['bad_date']],
  ])('%j → %j', (text, expected) => {
    expect(codes(parse(text))).toEqual(expected);
  });

  it('销假', () => {
    expect(command('销假')).toEqual({ type: 'endLeave' });
  });
});

describe('other commands', () => {
  it.each([
    ['待办', { type: 'todo' }],
    ['待办。', { type: 'todo' }],
    ['投诉 科普部电话无人接听', { type: 'complain', content: '科普部电话无人接听' }],
    ['投诉 科普部 电话 无人接听！', { type: 'complain', content: '科普部 电话 无人接听！' }],
    ['指南 科普项目申报', { type: 'guide', query: '科普项目申报' }],
    ['服务指南 KP-01', { type: 'guide', query: 'KP-01' }],
  ])('%j', (text, expected) => {
    expect(command(text)).toEqual(expected);
  });

  it.each(['投诉', '指南'])('%j needs its text', (text) => {
    expect(codes(parse(text))).toEqual(['missing_field']);
  });
});

describe('unknown commands', () => {
  it.each([
    ['等记 来电 咨询 张三 问题', '登记'],
    ['办节 #12 已答复', '办结'],
    ['查询 #12', '查'],
    ['登记来电咨询张三', '登记'],
    ['帮组', '帮助'],
  ])('%j suggests %s', (text, suggestion) => {
    const result = parse(text);
    expect(result.ok ? null : result.errors).toEqual([{ code: 'unknown_command', params: { word: expect.any(String), suggestion } }]);
  });

  it.each(['hello world', '今天天气不错', '#12'])('%j has no suggestion', (text) => {
    const result = parse(text);
    expect(result.ok ? null : result.errors).toEqual([{ code: 'unknown_command', params: { word: expect.any(String) } }]);
  });

  it.each(['', '   ', '　　', '\n\t'])('%j is empty', (text) => {
    expect(codes(parse(text))).toEqual(['empty']);
  });
});

describe('告知 (extension: the written notice of an approved refusal was given)', () => {
  const now = new Date('2026-11-28T10:00:00+08:00');
  it('reads the case number and how the notice was given', () => {
    expect(parseCommand('告知 #12 已邮寄不予办理告知书', { now })).toEqual({ ok: true, command: { type: 'noticeGiven', caseNo: 12, how: '已邮寄不予办理告知书' } });
  });
  it('asks for how it was given, and for the number, at once', () => {
    const r = parseCommand('告知', { now });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.code).sort()).toEqual(['missing_case_no', 'missing_field']);
  });
});

describe('登记 … 即答 (answered on the spot)', () => {
  it('splits the matter from the answer given at once', () => {
    expect(command('登记 来电 咨询 张三 13800000000 科普项目申报条件 即答 已告知申报条件和截止日期')).toEqual({
      type: 'register',
      channel: 'phone',
      category: { kind: 'class', cls: 'consultation' },
      applicant: '张三',
      phone: '13800000000',
      matter: '科普项目申报条件',
      answeredAtOnce: '已告知申报条件和截止日期',
    });
  });

  it('takes the answer glued to 即答 with a colon, and keeps its line breaks', () => {
    expect(command('登记 咨询 李四 会员费标准 即答：每年100元\n可在线缴纳')).toMatchObject({ matter: '会员费标准', answeredAtOnce: '每年100元\n可在线缴纳' });
  });

  it('refuses 即答 without an answer, and without a matter before it, naming both at once', () => {
    expect(codes(parse('登记 咨询 王五 会员费标准 即答'))).toEqual(['missing_field']);
    expect(codes(parse('登记 咨询 王五 即答'))).toEqual(['missing_matter', 'missing_field']);
  });

  it('leaves a matter that only mentions 即答 inside a word alone', () => {
    expect(command('登记 咨询 王五 即答率如何统计')).toMatchObject({ matter: '即答率如何统计' });
    expect(command('登记 咨询 王五 即答率如何统计')).not.toHaveProperty('answeredAtOnce');
  });
});

describe('a forgiving parser: separators, grouped phones, date ranges and weekdays (each next to a near miss)', () => {
  const register = (rest: string) => command(`登记 ${rest}`);

  it('takes Chinese commas, enumeration commas, semicolons and colons between fields, keeping them inside 事由', () => {
    const expected = { type: 'register', channel: 'phone', category: { kind: 'class', cls: 'consultation' }, applicant: '张三', phone: '13800000000', matter: '科普项目申报条件，截止时间' };
    expect(command('登记，来电，咨询，张三，13800000000，科普项目申报条件，截止时间')).toEqual(expected);
    expect(command('登记：来电、咨询；张三　13800000000 科普项目申报条件，截止时间')).toEqual(expected);
    // ASCII commas are not separators (1,000 is a number): the command word is not recognised alone.
    expect(codes(parse('登记,来电,咨询,张三,问题'))).toEqual(['unknown_command']);
    // A full-width colon between digits is a time, not a separator.
    expect(command('登记 内部 李四 期限 明天 17：30 整理材料')).toMatchObject({ internalDueAt: new Date('2026-11-29T17:30:00+08:00'), matter: '整理材料' });
  });

  it('reads a phone typed in groups or with dashes, and refuses digits that make no phone', () => {
    expect(register('来电 咨询 张三 138 0000 0000 会员费标准')).toMatchObject({ phone: '13800000000', matter: '会员费标准' });
    expect(register('来电 咨询 张三 138-0000-0000 会员费标准')).toMatchObject({ phone: '138-0000-0000', matter: '会员费标准' });
    expect(register('来电 咨询 张三 +86 138 0000 0000 会员费标准')).toMatchObject({ phone: '+8613800000000' });
    expect(register('来电 咨询 张三 0543 3211234 会员费标准')).toMatchObject({ phone: '0543-3211234' });
    const short = parse('登记 来电 咨询 张三 138 0000 000 会员费标准');
    expect(codes(short)).toEqual(['bad_phone']);
    expect(short.ok ? null : short.errors[0]?.params).toMatchObject({ value: '138 0000 000' });
  });

  it('reads a leave written as one range with -, 至, 到 or ~, and refuses a range with a day that does not exist', () => {
    for (const range of ['12月2日-12月4日', '12月2日至12月4日', '12月2日到12月4日', '12月2日~12月4日', '12-02-12-04']) {
      expect(command(`请假 ${range} 年休假`), range).toEqual({ type: 'leave', from: new Date('2026-12-02T00:00:00+08:00'), to: new Date('2026-12-04T23:59:59.999+08:00'), reason: '年休假' });
    }
    expect(codes(parse('请假 12月2日-12月40日'))).toContain('bad_date');
  });

  it('reads 下周一 … 下周日, 本周五, 周三 and 月底 (today is Saturday 11-28), and refuses what is no weekday', () => {
    const due = (word: string) => (command(`登记 内部 李四 事 期限 ${word}`) as { internalDueAt?: Date }).internalDueAt;
    expect(due('下周一')).toEqual(new Date('2026-11-30T23:59:59.999+08:00'));
    expect(due('下周日')).toEqual(new Date('2026-12-06T23:59:59.999+08:00'));
    expect(due('本周日')).toEqual(new Date('2026-11-29T23:59:59.999+08:00'));
    expect(due('周三')).toEqual(new Date('2026-12-02T23:59:59.999+08:00'));
    expect(due('月底')).toEqual(new Date('2026-11-30T23:59:59.999+08:00'));
    expect(due('下周五 下午5点')).toEqual(new Date('2026-12-04T17:00:00+08:00'));
    // 本周五 (11-27) has passed: a deadline in the past is named as such.
    expect(codes(parse('登记 内部 李四 事 期限 本周五'))).toEqual(['deadline_in_past']);
    expect(codes(parse('登记 内部 李四 事 期限 下周八'))).toEqual(['bad_date']);
    expect(codes(parse('登记 内部 李四 事 期限 月末'))).toEqual(['bad_date']);
  });
});
