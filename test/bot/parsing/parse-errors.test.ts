import { describe, expect, it } from 'vitest';
import { COMMANDS, visibleCommands } from '../../../src/bot/command-registry.ts';
import { ORG_ROLES, type OrgRole } from '../../../src/domain/org/actor.ts';
import { COMMAND_TEXTS } from '../../../src/messages/command-texts.ts';
import { parseCommand } from '../../../src/bot/parse-command.ts';
import { renderCommandHelp, renderHelp, renderParseErrors } from '../../../src/messages/parse-error-replies.ts';

const NOW = new Date('2026-11-28T10:00:00+08:00');

function errorsOf(text: string) {
  const result = parseCommand(text, { now: NOW });
  if (result.ok) throw new Error(`expected ${text} to fail`);
  return result.errors;
}

describe('renderParseErrors', () => {
  it('lists every mistake, numbered, with the usage line of the command', () => {
    expect(renderParseErrors(errorsOf('登记 内部'))).toBe(
      [
        '抱歉，这条消息有 3 处需要修改：',
        '1. 请写上当事人姓名或单位。',
        '2. 请写上事由。',
        '3. 内部事项请写明期限，如“期限 12月5日 17:30”。',
        '格式：登记 [渠道] 类别 当事人 [电话] 事由',
        '例如：登记 来电 咨询 张三 13800000000 科普项目申报条件',
      ].join('\n'),
    );
  });

  it('says a single mistake in one sentence', () => {
    expect(renderParseErrors(errorsOf('办结 #12'))).toBe('抱歉，请写上办理结果。\n格式：办结 #编号 结果\n例如：办结 #12 已电话答复');
  });

  it('names the bad values', () => {
    const text = renderParseErrors(errorsOf('请假 2月30日 看病'));
    expect(text).toContain('开始日期“2月30日”无法识别');
    expect(text).toContain('结束日期“看病”无法识别');
    expect(text).toContain('格式：请假 起 止 [事由]');
  });

  it('suggests the command meant, with its usage', () => {
    const text = renderParseErrors(errorsOf('等记 来电 咨询 张三 问题'));
    expect(text).toContain('没有“等记”这个命令');
    expect(text).toContain('您是想用“登记”吗？');
    expect(text).toContain('格式：登记');
    expect(text).toContain('发送“帮助”查看全部命令');
  });

  it('answers an empty message politely', () => {
    expect(renderParseErrors(errorsOf('  '))).toContain('发送“帮助”');
  });

  it('clips a very long unknown word', () => {
    expect(renderParseErrors(errorsOf('啊'.repeat(10_000))).length).toBeLessThan(200);
  });

  it('has a Chinese line for every error code the parser produces', () => {
    const samples = ['登记 来京 内部 期限 2月30日', '登记 咨询 张三 问题 期限 明天', '登记 内部 李四 事 期限 2026-01-01', '请假 后天 明天', '补正 #0 0', '外转', '登记'];
    for (const sample of samples) {
      for (const line of renderParseErrors(errorsOf(sample)).split('\n')) {
        expect(line).not.toMatch(/undefined|\[object|[a-z]+_[a-z]+/u);
      }
    }
  });
});

describe('帮助', () => {
  // Someone who holds every role sees every command.
  const everyone = new Set<OrgRole>(ORG_ROLES);
  const help = renderHelp(visibleCommands(everyone));

  it('fits in one WeCom text message (≤ 2048 bytes UTF-8), for every combination of roles', () => {
    for (let mask = 0; mask < 1 << ORG_ROLES.length; mask++) {
      const roles = new Set(ORG_ROLES.filter((_, i) => mask & (1 << i)));
      expect(Buffer.byteLength(renderHelp(visibleCommands(roles)), 'utf8')).toBeLessThanOrEqual(2048);
    }
  });

  it('lists every command with its example, or (when they cannot all fit) with the way to ask for it', () => {
    for (let mask = 0; mask < 1 << ORG_ROLES.length; mask++) {
      const roles = new Set(ORG_ROLES.filter((_, i) => mask & (1 << i)));
      const text = renderHelp(visibleCommands(roles));
      for (const c of visibleCommands(roles)) {
        if (c.usage === COMMAND_TEXTS.help.usage) continue;
        expect(text).toContain(c.usage);
        if (!text.includes(c.example)) {
          expect(text).toContain('发送“帮助 命令”查看例子，如：帮助 登记');
          expect(renderCommandHelp(c)).toContain(`例如：${c.example}`);
        }
      }
    }
    // A list that fits with its examples shows them all (someone outside the unit: 指南 alone).
    const guest = renderHelp(visibleCommands(new Set<OrgRole>()));
    expect(guest).toContain(COMMAND_TEXTS.guide.example);
    // Someone with every role sees every command.
    for (const { name } of COMMANDS) if (name !== 'help') expect(help).toContain(COMMAND_TEXTS[name].usage);
  });

  it('every example parses as its own command', () => {
    for (const { name } of COMMANDS) {
      const result = parseCommand(COMMAND_TEXTS[name].example, { now: NOW });
      expect(result.ok && result.command.type).toBe(name);
    }
  });

  it('shows each person the commands their roles allow', () => {
    const clerk = renderHelp(visibleCommands(new Set<OrgRole>(['staff'])));
    expect(clerk).toContain(COMMAND_TEXTS.register.usage);
    // A clerk does not see the leaders' decisions, nor the office's answer to a complaint.
    for (const name of ['approve', 'overturn', 'escalate', 'answerComplaint'] as const) expect(clerk).not.toContain(COMMAND_TEXTS[name].usage);
    const leader = renderHelp(visibleCommands(new Set<OrgRole>(['staff', 'leader'])));
    expect(leader).toContain(COMMAND_TEXTS.approve.usage);
    expect(leader).not.toContain(COMMAND_TEXTS.answerComplaint.usage);
    const office = renderHelp(visibleCommands(new Set<OrgRole>(['staff', 'office'])));
    expect(office).toContain(COMMAND_TEXTS.answerComplaint.usage);
    expect(office).not.toContain(COMMAND_TEXTS.approve.usage);
    // Someone outside the unit is shown what is open to the public: the service guide.
    const guest = renderHelp(visibleCommands(new Set<OrgRole>()));
    expect(guest).toContain(COMMAND_TEXTS.guide.usage);
    expect(guest).not.toContain(COMMAND_TEXTS.register.usage);
  });
});
