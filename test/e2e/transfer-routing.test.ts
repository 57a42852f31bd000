/**
 * Issue 13 item 7: 转办 to a department reaches the post whose work matches the case (its service,
 * else its class), else the department head; never an arbitrary post.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/test-database.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { OFFICE_WEEK_ORG, caseJson, register, stateOf } from '../support/lifecycle-helpers.ts';

const TUESDAY = new Date('2026-12-01T09:30:00+08:00');
const ROUTED_ORG = new URL('../fixtures/org/office-week-routed-org.yaml', import.meta.url).pathname;

describe.each(BACKENDS)('转办 to a department (%s)', (backend) => {
  describe('posts without named work', () => {
    let t: TestBot;
    beforeAll(async () => {
      t = await startTestBot({ backend, orgFile: OFFICE_WEEK_ORG, now: TUESDAY });
    });
    afterAll(async () => t?.close());

    it('sends a 维权 case to the head, not to whoever holds the first post', async () => {
      const no = await register(t, 'lihua', '登记 来信 维权 王五 科研成果被侵占');
      const [reply] = await t.say('lihua', `转办 #${no} 科技人才服务中心`);
      expect(reply).toContain(`已将 #${no} 转办给郭辉（科技人才服务中心）`);
      expect((await caseJson(t, no)).handler).toBe('guohui');
    });
  });

  describe('posts with named work', () => {
    let t: TestBot;
    beforeAll(async () => {
      t = await startTestBot({ backend, orgFile: ROUTED_ORG, now: TUESDAY });
    });
    afterAll(async () => t?.close());

    it('sends a case to the post that handles its class', async () => {
      const no = await register(t, 'lihua', '登记 来信 维权 王五 科研成果被侵占');
      const [reply] = await t.say('lihua', `转办 #${no} 科技人才服务中心`);
      expect(reply).toContain(`已将 #${no} 转办给曹宇（科技人才服务中心）`);
      expect((await caseJson(t, no)).handler).toBe('caoyu');
    });

    it('sends a case to the post that handles its service, or whoever covers its A holder', async () => {
      const no = await register(t, 'chenjing', '登记 来人 RC-01 赵六 职称评定中的权益受损');
      await t.say('caoyu', '请假 今天 12月2日 出差');
      const [reply] = await t.say('chenjing', `转办 #${no} 科技人才服务中心`);
      expect(reply).toContain(`已将 #${no} 转办给唐莉（科技人才服务中心）`);
      expect((await caseJson(t, no)).handler).toBe('tangli');
    });

    it('falls back to the head when no post names the work', async () => {
      const no = await register(t, 'lihua', '登记 来电 咨询 孙七 人才政策');
      await t.say('lihua', `转办 #${no} 科技人才服务中心`);
      expect((await caseJson(t, no)).handler).toBe('guohui');
    });

    it('refuses an unknown department, changing nothing', async () => {
      const no = await register(t, 'lihua', '登记 来电 咨询 周八 人才政策');
      const before = await stateOf(t);
      expect((await t.say('lihua', `转办 #${no} 人才中心`))[0]).toContain('本单位没有名为“人才中心”的人员或部室');
      expect(await stateOf(t)).toEqual(before);
    });
  });
});
