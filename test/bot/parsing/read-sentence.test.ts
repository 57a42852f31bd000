import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/bot/parse-command.ts';
import { readSentence } from '../../../src/bot/parsing/read-sentence.ts';

const now = new Date('2026-12-01T10:00:00+08:00');

describe('readSentence: a plain sentence read as the 登记 it means, only to be offered for confirmation', () => {
  it.each([
    ['张三来电咨询科普项目申报', '登记 来电 咨询 张三 咨询科普项目申报'],
    ['李四来信反映会员费问题', '登记 来信 维权 李四 反映会员费问题'],
    ['张三13800000000来电咨询会员费标准。', '登记 来电 咨询 张三 13800000000 咨询会员费标准'],
    ['张三，来电，咨询会员费标准', '登记 来电 咨询 张三 咨询会员费标准'],
    ['来电：王五咨询学会成立条件', '登记 来电 咨询 王五 咨询学会成立条件'],
    ['赵六来人申报科普项目', '登记 来人 审核 赵六 申报科普项目'],
  ])('%s → %s, which parses as a 登记', (sentence, command) => {
    expect(readSentence(sentence)).toBe(command);
    const parsed = parseCommand(command, { now });
    expect(parsed.ok && parsed.command.type).toBe('register');
  });

  it.each([
    ['你好', 'a greeting'],
    ['张三来电', 'no verb: what was asked is unknown'],
    ['张三来电咨询', 'a verb and nothing asked'],
    ['张三来电说了会员费的事', 'a verb the bot does not know: nothing guessed'],
    ['明天开会', 'no channel'],
    ['13800000000来电咨询会员费', 'no name before the phone'],
    ['', 'empty'],
  ])('%s is not offered (%s)', (sentence) => {
    expect(readSentence(sentence)).toBeUndefined();
  });
});
