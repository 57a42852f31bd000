import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_ORG_PATH } from '../../src/org/demo-org.ts';
import type { OrgFile, ParseOrgFileResult } from '../../src/org/org-file.ts';
import { parseOrgFile } from '../../src/org/parse-org-file.ts';
import { DEFAULT_SCHEME, schemeFrom } from '../../src/domain/evaluation/scheme.ts';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/org/${name}`, import.meta.url), 'utf8');
const basicText = fixture('basic-org.yaml');

function expectOk(result: ParseOrgFileResult): OrgFile {
  if (!result.ok) throw new Error(`expected ok, got:\n${result.errors.join('\n')}`);
  return result.org;
}

function expectErrors(result: ParseOrgFileResult): string[] {
  if (result.ok) throw new Error('expected errors, got ok');
  return result.errors;
}

/** The basic fixture with one textual edit, so each test shows exactly the mistake it makes. */
function basicWith(from: string, to: string): string {
  expect(basicText).toContain(from);
  return basicText.replace(from, to);
}

describe('parseOrgFile: valid files', () => {
  it('parses the CONTRACT example fixture, defaulting complaintAnswerDays to 5', () => {
    const org = expectOk(parseOrgFile(basicText));
    expect(org.unit).toBe('滨州市科学技术协会');
    expect(org.principal).toBe('zhangwei');
    expect(org.office).toBe('bgs');
    expect(org.complaintAnswerDays).toBe(5);
    expect(org.departments).toEqual([
      { key: 'bgs', name: '办公室', head: 'liuyang', leader: 'wangqiang' },
      { key: 'kpb', name: '科普部', head: 'chenjing', leader: 'wangqiang' },
    ]);
    expect(org.staff).toHaveLength(6);
    expect(org.posts).toEqual([{ department: 'kpb', name: '科普项目申报', a: 'lihua', b: 'zhaomin' }]);
    expect(org.services).toEqual([
      {
        code: 'KP-01',
        name: '科普项目申报材料受理',
        department: 'kpb',
        class: 'review',
        basis: '《……管理办法》',
        procedure: '提交材料 → 受理审核 → 反馈',
        materials: ['申报书', '单位推荐意见', '法人证书复印件'],
      },
    ]);
  });

  it('parses the shipped demo organization with the people and services other parts rely on', () => {
    const org = expectOk(parseOrgFile(readFileSync(DEMO_ORG_PATH, 'utf8')));
    expect(org.unit).toBe('滨州市科学技术协会');
    expect(org.principal).toBe('zhangwei');
    const staff = new Map(org.staff.map((s) => [s.userid, s]));
    expect(staff.get('zhangwei')?.name).toBe('张伟');
    expect(staff.get('wangqiang')?.name).toBe('王强');
    expect(staff.get('liuyang')?.name).toBe('刘洋');
    expect(staff.get('lihua')).toEqual({ userid: 'lihua', name: '李华', department: 'kpb' });
    expect(staff.has('zhaomin')).toBe(true);
    expect(org.staff.length).toBeGreaterThanOrEqual(15);
    expect(org.staff.length).toBeLessThanOrEqual(20);

    const office = org.departments.find((d) => d.key === org.office);
    expect(office).toMatchObject({ name: '办公室', head: 'liuyang' });
    expect(org.departments.find((d) => d.key === 'kpb')).toMatchObject({
      name: '科普部',
      head: 'chenjing',
      leader: 'wangqiang',
    });
    expect(org.posts).toContainEqual({ department: 'kpb', name: '科普项目申报', a: 'lihua', b: 'zhaomin', services: ['KP-01'], classes: ['review'] });

    expect(org.services.find((s) => s.code === 'KP-01')).toMatchObject({
      name: '科普项目申报材料受理',
      department: 'kpb',
      class: 'review',
      materials: ['申报书', '单位推荐意见', '法人证书复印件'],
    });
    const classes = new Set(org.services.map((s) => s.class));
    for (const c of ['review', 'approval', 'consultation', 'rights', 'instruction'] as const) expect(classes).toContain(c);
  });

  it('accepts statutoryDays with a shorter promisedDays, an explicit complaintAnswerDays and empty posts', () => {
    const text = basicWith('posts:                         # AB岗: A holder and B holder of each post\n  - { department: kpb, name: 科普项目申报, a: lihua, b: zhaomin }\n', 'posts:\n')
      .replace('unit: 滨州市科学技术协会', 'unit: 滨州市科学技术协会\ncomplaintAnswerDays: 7')
      .replace('    materials: [申报书', '    statutoryDays: 15\n    promisedDays: 10\n    materials: [申报书');
    const org = expectOk(parseOrgFile(text));
    expect(org.complaintAnswerDays).toBe(7);
    expect(org.posts).toEqual([]);
    expect(org.services[0]).toMatchObject({ statutoryDays: 15, promisedDays: 10 });
  });
});

describe('parseOrgFile: keyTasks (the key-task table’s settings)', () => {
  it('defaults the monthly progress-report day to the 25th, absent or empty, and takes the one given', () => {
    expect(expectOk(parseOrgFile(basicText)).keyTasks).toEqual({ reportDay: 25 });
    expect(expectOk(parseOrgFile(basicWith('office: bgs', 'office: bgs\nkeyTasks:'))).keyTasks).toEqual({ reportDay: 25 });
    expect(expectOk(parseOrgFile(basicWith('office: bgs', 'office: bgs\nkeyTasks: {}'))).keyTasks).toEqual({ reportDay: 25 });
    expect(expectOk(parseOrgFile(basicWith('office: bgs', 'office: bgs\nkeyTasks: { reportDay: 20 }'))).keyTasks).toEqual({ reportDay: 20 });
  });

  it('names a bad report day and an unknown key with the rest of the file’s errors', () => {
    const text = basicWith('office: bgs', 'office: bgs\nkeyTasks:\n  reportDay: 32\n  reportMonth: 6').replace('principal: zhangwei ', 'principal: ghost ');
    expect(expectErrors(parseOrgFile(text))).toEqual([
      'principal：用户 "ghost" 不在 staff 中（第 3 行）',
      'keyTasks.reportDay：不能大于 31，实际是 32（第 6 行）',
      'keyTasks.reportMonth：未知字段（可用字段：reportDay）（第 7 行）',
    ]);
    expect(expectErrors(parseOrgFile(basicWith('office: bgs', 'office: bgs\nkeyTasks: { reportDay: 0 }')))).toEqual(['keyTasks.reportDay：应为正整数，实际是 0（第 5 行）']);
    expect(expectErrors(parseOrgFile(basicWith('office: bgs', 'office: bgs\nkeyTasks: { reportDay: 二十五 }')))).toEqual([expect.stringMatching(/^keyTasks\.reportDay：应为整数，实际是文本/u)]);
  });
});

describe('parseOrgFile: errors', () => {
  it('names every mistake of a broken file at once, in file order, with lines', () => {
    const errors = expectErrors(parseOrgFile(fixture('broken-org.yaml')));
    const expected = [
      'principal：用户 "zhangsan" 不在 staff 中（第 3 行）',
      'office：部门 "office" 不存在（第 4 行）',
      'complaintAnswerDays：应为正整数，实际是 0（第 5 行）',
      'departments[2].key：部门代码 "kpb" 重复（与 departments[1] 相同）（第 9 行）',
      'staff[3].userid：用户 "lihua" 重复（与 staff[2] 相同）（第 14 行）',
      'staff[4].userid：用户 ID "li hua" 不符合企业微信规则（1–64 位字母、数字或 _ - . @，须以字母或数字开头）（第 15 行）',
      'staff[5].department：部门 "xyz" 不存在（第 16 行）',
      'staff[6].userid：缺少必填项（第 17 行）',
      'posts[0].b：B 岗与 A 岗是同一人 "lihua"，B 岗须由他人担任（第 19 行）',
      'posts[1].b：用户 "nobody" 不在 staff 中（第 20 行）',
      'services[0].class：时限类别 "urgent" 无效，应为 review、approval、consultation、rights、internal、instruction 之一（第 25 行）',
      'services[0].materials[2]：材料 "申报书" 重复（与第 1 项相同）（第 28 行）',
      'services[1].materials：至少需要一项（第 35 行）',
      'services[1].promisedDays：承诺时限 5 个工作日长于法定时限 3 个工作日，承诺时限只能更短（第 37 行）',
      'services[1].fee：未知字段（可用字段：code, name, department, class, basis, procedure, materials, statutoryDays, promisedDays）（第 38 行）',
    ];
    for (const e of expected) expect(errors).toContain(e);
    expect(errors).toEqual(expected);
  });

  it('names a YAML syntax error with its line and reports nothing else', () => {
    const text = basicWith('  - { key: kpb,  name: 科普部, head: chenjing, leader: wangqiang }', '  - { key: kpb,  name: 科普部, head: chenjing, leader: wangqiang');
    const errors = expectErrors(parseOrgFile(text));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatch(/^第 \d+ 行第 \d+ 列：YAML 语法错误，/);
    for (const e of errors) expect(e).toContain('YAML 语法错误');
  });

  it('names the line of a tab indent and of a duplicate key', () => {
    expect(expectErrors(parseOrgFile('unit: x\n\tprincipal: y\n'))).toEqual([
      '第 2 行第 1 列：YAML 语法错误，不能用 Tab 缩进，请改用空格',
    ]);
    expect(expectErrors(parseOrgFile(basicWith('office: bgs', 'office: bgs\noffice: kpb')))).toEqual([
      '第 5 行第 1 列：YAML 语法错误，同一层级中键重复',
    ]);
  });

  it('says an empty file is empty', () => {
    expect(expectErrors(parseOrgFile(''))).toEqual(['组织文件为空']);
    expect(expectErrors(parseOrgFile('\n  \n# 只有注释\n'))).toEqual(['组织文件为空']);
  });

  it('says a file that is a list is not a map', () => {
    expect(expectErrors(parseOrgFile('- unit: 滨州市科学技术协会\n- principal: zhangwei\n'))).toEqual([
      '组织文件的顶层应为键值映射（如 unit: 滨州市科学技术协会），实际是列表',
    ]);
    expect(expectErrors(parseOrgFile('滨州市科学技术协会'))).toEqual([
      '组织文件的顶层应为键值映射（如 unit: 滨州市科学技术协会），实际是文本',
    ]);
  });

  it('names an unknown time-limit class and a missing one', () => {
    expect(expectErrors(parseOrgFile(basicWith('class: review ', 'class: urgent ')))).toEqual([
      'services[0].class：时限类别 "urgent" 无效，应为 review、approval、consultation、rights、internal、instruction 之一（第 21 行）',
    ]);
    expect(expectErrors(parseOrgFile(basicWith('    class: review ', '    # class removed')))).toEqual([
      'services[0].class：缺少必填项（应为 review、approval、consultation、rights、internal、instruction 之一）（第 18 行）',
    ]);
  });

  it('names a duplicate userid, also when only the case differs (WeCom ignores case)', () => {
    expect(expectErrors(parseOrgFile(basicWith('{ userid: zhaomin,   name: 赵敏', '{ userid: lihua,   name: 赵敏')))).toEqual([
      'staff[5].userid：用户 "lihua" 重复（与 staff[4] 相同）（第 14 行）',
      'posts[0].b：用户 "zhaomin" 不在 staff 中（第 16 行）',
    ]);
    expect(expectErrors(parseOrgFile(basicWith('{ userid: zhaomin,   name: 赵敏', '{ userid: LiHua,   name: 赵敏')))).toEqual([
      'staff[5].userid：用户 "LiHua" 与 staff[4] 的 "lihua" 仅大小写不同，企业微信视为同一账号（第 14 行）',
      'posts[0].b：用户 "zhaomin" 不在 staff 中（第 16 行）',
    ]);
  });

  it('names the remaining cross-reference mistakes', () => {
    const text = basicText
      .replace('head: liuyang,  leader: wangqiang', 'head: liuyng,  leader: wangqiang')
      .replace('{ key: kpb,  name: 科普部, head: chenjing, leader: wangqiang }', '{ key: kpb,  name: 办公室, head: chenjing, leader: WangQiang }')
      .replace('{ department: kpb, name: 科普项目申报, a: lihua, b: zhaomin }', '{ department: kpb, name: 科普项目申报, a: lihua, b: zhaomin }\n  - { department: kpx, name: 科普项目申报, a: lihua }\n  - { department: kpb, name: 科普项目申报, a: zhaomin, b: lihua }')
      .replace('department: kpb\n    class', 'department: kpx\n    class');
    const second = '  - code: kp-01\n    name: 科普项目申报材料受理\n    department: kpb\n    class: review\n    basis: 《……》\n    procedure: 受理\n    materials: [申报书]\n';
    expect(expectErrors(parseOrgFile(text + second))).toEqual([
      'departments[0].head：用户 "liuyng" 不在 staff 中（第 6 行）',
      'departments[1].name：部门名称 "办公室" 重复（与 departments[0] 相同）（第 7 行）',
      'departments[1].leader：用户 "WangQiang" 不在 staff 中（是否应为 "wangqiang"？大小写需一致）（第 7 行）',
      'posts[1].department：部门 "kpx" 不存在（第 17 行）',
      'posts[2].name：部门 "kpb" 的岗位 "科普项目申报" 重复（与 posts[0] 相同）（第 18 行）',
      'services[0].department：部门 "kpx" 不存在（第 22 行）',
      'services[1].code：事项编码 "kp-01" 重复（与 services[0] 相同）（第 27 行）',
      'services[1].name：事项名称 "科普项目申报材料受理" 重复（与 services[0] 相同）（第 28 行）',
    ]);
  });

  it('reads the work a post handles, and names a service it lists that the catalog does not have', () => {
    const ok = expectOk(parseOrgFile(basicWith('a: lihua, b: zhaomin }', 'a: lihua, b: zhaomin, services: [kp-01], classes: [review, consultation] }')));
    expect(ok.posts[0]).toMatchObject({ services: ['kp-01'], classes: ['review', 'consultation'] });
    expect(expectErrors(parseOrgFile(basicWith('a: lihua, b: zhaomin }', 'a: lihua, b: zhaomin, services: [KP-09], classes: [urgent] }')))).toEqual([
      'posts[0].classes[0]：时限类别 "urgent" 无效，应为 review、approval、consultation、rights、internal、instruction 之一（第 16 行）',
      'posts[0].services[0]：事项编码 "KP-09" 不在 services 中（第 16 行）',
    ]);
  });

  it('accepts a promised limit equal to the statutory one, with a warning (限时办结制 §3: 只能少于)', () => {
    const text = basicWith('    materials: [申报书, 单位推荐意见, 法人证书复印件]', '    statutoryDays: 3\n    promisedDays: 3\n    materials: [申报书, 单位推荐意见, 法人证书复印件]');
    const result = parseOrgFile(text);
    expect(result.ok).toBe(true);
    expect(result.ok && result.warnings).toEqual([
      'services[0].promisedDays：承诺时限与法定时限相同（均为 3 个工作日）。限时办结制第三条要求承诺时限只能少于法定时限，建议缩短；服务指南将注明“未作更短承诺”（第 25 行）',
    ]);
    expect(result.ok && parseOrgFile(basicText).ok && (parseOrgFile(basicText) as { warnings: string[] }).warnings).toEqual([]);
  });

  it('reads a department phone, also one YAML took for a number, and names one that is not a phone', () => {
    const ok = expectOk(parseOrgFile(basicWith('head: chenjing, leader: wangqiang }', 'head: chenjing, leader: wangqiang, phone: 0543-3211234 }')));
    expect(ok.departments.find((d) => d.key === 'kpb')?.phone).toBe('0543-3211234');
    expect(expectOk(parseOrgFile(basicWith('head: chenjing, leader: wangqiang }', 'head: chenjing, leader: wangqiang, phone: 3211234 }'))).departments[1]?.phone).toBe('3211234');
    expect(expectErrors(parseOrgFile(basicWith('head: chenjing, leader: wangqiang }', 'head: chenjing, leader: wangqiang, phone: 请打总机 }')))).toEqual([
      'departments[1].phone：电话 "请打总机" 无效，应为数字，可含 - ( ) 空格 和“转”分机号（第 7 行）',
    ]);
  });

  it('explains wrong value types in operator terms', () => {
    const text = basicWith('{ userid: zhaomin,   name: 赵敏', '{ userid: 10086,   name: 赵敏').replace(
      'materials: [申报书, 单位推荐意见, 法人证书复印件]',
      'materials: 申报书、单位推荐意见',
    );
    expect(expectErrors(parseOrgFile(text))).toEqual([
      'staff[5].userid：应为文本，实际是数字（请给值加引号）（第 14 行）',
      'posts[0].b：用户 "zhaomin" 不在 staff 中（第 16 行）',
      'services[0].materials：应为列表（如 [申报书, 单位推荐意见]），实际是文本（第 24 行）',
    ]);
  });

  it('names missing top-level sections and unknown top-level keys', () => {
    expect(expectErrors(parseOrgFile('unit: 滨州市科学技术协会\nunits: 2\n'))).toEqual([
      'principal：缺少必填项',
      'office：缺少必填项',
      'departments：缺少必填项',
      'staff：缺少必填项',
      'posts：缺少必填项',
      'services：缺少必填项',
      'units：未知字段（可用字段：unit, principal, office, complaintAnswerDays, keyTasks, departments, staff, posts, services, evaluation）（第 2 行）',
    ]);
  });

  it('never throws, whatever the input', () => {
    const inputs = ['{', ']', ': :', '!!binary x', '&a [*a]', 'a: &a [*a]\nb: *a', '"', '\u0000', '---\n---\n', '? [a]\n: b\n', 'unit: !!int x'];
    for (const input of inputs) {
      const result = parseOrgFile(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
    }
    expect(parseOrgFile(undefined as unknown as string)).toEqual({ ok: false, errors: ['组织文件内容应为文本'] });
  });
});

describe('the evaluation scheme (evaluation:)', () => {
  const withScheme = (scheme: string) => `${readFileSync(new URL('../fixtures/org/basic-org.yaml', import.meta.url), 'utf8')}\nevaluation:\n${scheme}`;

  it('keeps the defaults for what the file leaves out, and takes what it gives', () => {
    const parsed = parseOrgFile(withScheme('  base: 100\n  deductions:\n    overdue: { points: 3 }\n  veto:\n    decisions: [written_warning]\n'));
    expect(parsed.ok).toBe(true);
    const scheme = schemeFrom(parsed.ok ? parsed.org.evaluation : undefined);
    expect(scheme.deductions.overdue).toEqual({ points: 3, cap: 20 });
    expect(scheme.deductions.complaint_upheld).toEqual(DEFAULT_SCHEME.deductions.complaint_upheld);
    expect(scheme.veto).toEqual({ kinds: [], decisions: ['written_warning'] });
  });

  it('rejects a broken scheme with every error named: a negative cap, an unknown kind, bands out of order', () => {
    const parsed = parseOrgFile(
      withScheme('  deductions:\n    overdue: { points: 2, cap: -5 }\n    late: { points: 1 }\n  grades: { excellent: 80, good: 85 }\n  veto:\n    decisions: [fire]\n'),
    );
    expect(parsed.ok).toBe(false);
    const errors = parsed.ok ? [] : parsed.errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^evaluation\.deductions\.overdue\.cap：不能小于 0，实际是 -5（第 \d+ 行）$/u),
        expect.stringMatching(/^evaluation\.deductions\.late：未知字段（可用字段：overdue, /u),
        expect.stringMatching(/^evaluation\.veto\.decisions\[0\]：值 "fire" 无效/u),
      ]),
    );
    // The bands are checked together once every value alone is right.
    const bands = parseOrgFile(withScheme('  grades: { excellent: 80, good: 85 }\n'));
    expect(bands.ok ? [] : bands.errors).toEqual([expect.stringMatching(/^evaluation\.grades：等次分数线应为 excellent（优秀）> good（良好）> pass（合格）/u)]);
  });
});

describe('with people from WeCom (WECOM_CONTACTS_SYNC=on)', () => {
  const synced = `unit: 滨州市科学技术协会
principal: zhangwei
office: bgs
departments:
  - { key: bgs, name: 办公室, head: liuyang, wecomId: 2 }
  - { key: kpb, name: 科普部, head: chenjing, leader: wangqiang, wecomId: 3 }
posts:
  - { department: kpb, name: 科普项目申报, a: lihua, b: zhaomin }
services:
`;

  it('needs no staff list: heads, leaders and posts name WeCom userids', () => {
    const org = expectOk(parseOrgFile(synced, { peopleFromWeCom: true }));
    expect(org.staff).toEqual([]);
    expect(org.departments.map((d) => d.wecomId)).toEqual([2, 3]);
    // Without the sync the same file lacks its people.
    expect(expectErrors(parseOrgFile(synced))).toEqual(expect.arrayContaining(['staff：缺少必填项']));
  });

  it('refuses one WeCom department mapped twice, and a department id that is not a positive integer', () => {
    const twice = synced.replace('wecomId: 3', 'wecomId: 2');
    expect(expectErrors(parseOrgFile(twice, { peopleFromWeCom: true }))).toEqual([expect.stringContaining('企业微信部门 ID 2 已在 departments[0] 中对应')]);
    expect(expectErrors(parseOrgFile(synced.replace('wecomId: 3', 'wecomId: -3'), { peopleFromWeCom: true }))).toHaveLength(1);
  });

  it('still catches a userid that differs only in case from a listed one', () => {
    const withStaff = `${synced.replace('a: lihua', 'a: LiHua')}staff:\n  - { userid: lihua, name: 李华, department: kpb }\n`;
    expect(expectErrors(parseOrgFile(withStaff, { peopleFromWeCom: true }))).toEqual([expect.stringContaining('lihua')]);
  });
});

