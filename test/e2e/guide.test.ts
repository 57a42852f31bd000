import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/test-database.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';

const CATALOG_ORG = new URL('../fixtures/org/catalog-org.yaml', import.meta.url).pathname;
const NOW = new Date('2026-12-01T09:30:00+08:00');

describe.each(BACKENDS)('指南: the service guide (R2) (%s)', (backend) => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ backend, now: NOW, orgFile: CATALOG_ORG });
  });
  afterAll(async () => t?.close());

  const one = async (from: string, text: string) => {
    const replies = await t.say(from, text);
    expect(replies).toHaveLength(1);
    return replies[0]!;
  };

  it('answers 指南 KP-01 with basis, time limit, procedure and every material, numbered', async () => {
    const answer = await one('lihua', '指南 KP-01');
    expect(answer).toContain('KP-01 科普项目申报材料受理');
    expect(answer).toContain('承办部室：科普部');
    expect(answer).toContain('办理依据：《中华人民共和国科学技术普及法》；《滨州市科普项目管理办法》');
    expect(answer).toContain('办理时限：1 个工作日（材料受理审核）');
    expect(answer).toContain('办理程序：提交申报材料 → 受理审核 → 反馈');
    // Markup in the catalog goes out as text: WeCom would render a tag in a text message.
    expect(answer).toContain('所需材料（共 3 项）：\n1. 申报书\n2. 单位推荐意见\n3. ＜b>法人证书＜/b> 复印件 & “盖章”');
    expect(answer).toContain('http://bot.test/services/KP-01');
  });

  it('finds a code whatever its case or dash, and a full-width code', async () => {
    for (const text of ['指南 kp-01', '指南 KP01', '服务指南 ＫＰ－０１']) expect(await one('lihua', text)).toContain('【服务指南】KP-01 科普项目申报材料受理');
  });

  it('finds a service by its exact name and by part of it', async () => {
    expect(await one('lihua', '指南 科技工作者合法权益维护')).toContain('【服务指南】RC-01');
    expect(await one('lihua', '指南 科普项目申报')).toContain('【服务指南】KP-01');
  });

  it('gives the promised and statutory limits when the catalog sets them', async () => {
    const answer = await one('lihua', '指南 RC-01');
    expect(answer).toContain('办理时限：15 个工作日内提出具体办理结果（科技人员维权）');
    expect(answer).toContain('承诺时限：10 个工作日');
    expect(answer).toContain('法定时限：15 个工作日');
  });

  it('suggests close names for a near miss, and changes nothing', async () => {
    const before = await t.database.prisma.case.count();
    const answer = await one('lihua', '指南 科普项目申请材料受理');
    expect(answer).toContain('未找到“科普项目申请材料受理”');
    expect(answer).toContain('您是否要找');
    expect(answer).toContain('KP-01 科普项目申报材料受理（科普部）');
    expect(answer).not.toContain('所需材料');
    expect(await one('lihua', '指南 KP-1')).toContain('KP-01 科普项目申报材料受理');
    expect(await t.database.prisma.case.count()).toBe(before);
  });

  it('lists several matches briefly', async () => {
    const answer = await one('lihua', '指南 认定');
    expect(answer).toContain('有 2 个');
    expect(answer).toContain('KP-02 市级科普教育基地认定申请（科普部）');
    expect(answer).toContain('RC-03 科技人才项目认定材料审核（科技人才服务中心）');
    expect(answer).not.toContain('所需材料');
  });

  it('lists the catalog when nothing is found', async () => {
    const answer = await one('lihua', '指南 火星移民登记');
    expect(answer).toContain('未找到“火星移民登记”');
    for (const code of ['KP-01', 'KP-02', 'RC-01', 'RC-03']) expect(answer).toContain(code);
    expect(answer).toContain('http://bot.test/services');
  });

  it('keeps a long materials list within 2048 bytes, pointing to the public page', async () => {
    const answer = await one('lihua', '指南 RC-03');
    expect(Buffer.byteLength(answer)).toBeLessThanOrEqual(2048);
    expect(answer).toContain('所需材料（共 80 项）');
    expect(answer).toContain('1. 第1项证明材料');
    expect(answer).not.toContain('80. 第80项');
    expect(answer).toContain('……共 80 项');
    expect(answer).toContain('http://bot.test/services/RC-03');
  });

  it('answers someone who is not staff (the catalog is public)', async () => {
    const answer = await one('stranger', '指南 KP-01');
    expect(answer).toContain('【服务指南】KP-01');
    expect(await one('stranger', '办结 #1 好了')).toContain('不在本单位的工作人员名单中');
  });

  it('asks what to look for when 指南 comes alone', async () => {
    const answer = await one('stranger', '指南');
    expect(answer).toContain('请写上要查询的事项');
    expect(answer).toContain('指南 科普项目申报');
  });

  it('publishes the catalog and each guide on public, printable pages, escaping the data', async () => {
    const catalog = await fetch(`${t.bot.url}/services`);
    expect(catalog.status).toBe(200);
    expect(catalog.headers.get('content-type')).toContain('text/html');
    const list = await catalog.text();
    expect(list).toContain('滨州市科学技术协会服务事项清单');
    for (const code of ['KP-01', 'KP-02', 'RC-01', 'RC-03']) expect(list).toContain(`href="/services/${code}"`);

    const page = await fetch(`${t.bot.url}/services/kp-01`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('《中华人民共和国科学技术普及法》');
    expect(html).toContain('提交申报材料 → 受理审核 → 反馈');
    expect(html).toContain('<li>申报书</li>');
    expect(html).toContain('&#60;b&#62;法人证书&#60;/b&#62; 复印件 &#38; “盖章”');
    expect(html).not.toContain('<b>法人证书');
    expect(html).toContain('@media print');

    const long = await (await fetch(`${t.bot.url}/services/RC-03`)).text();
    expect(long.match(/<li>/g)).toHaveLength(80);

    const missing = await fetch(`${t.bot.url}/services/%3Cscript%3E`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('未找到事项“&#60;script&#62;”');
  });
});
