import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCardClickXml, buildEnvelopeXml, buildEventXml, buildTextMessageXml } from '../../src/wecom/build-callback-xml.ts';
import { parseEnvelopeXml, parseMessageXml } from '../../src/wecom/callback-xml.ts';
import { WeComCallbackError } from '../../src/wecom/errors.ts';
import { dedupeKeyOf, inboundMessageSchema } from '../../src/wecom/inbound-schema.ts';
import { vectorById } from './vectors.ts';

function malformed(fn: () => unknown): boolean {
  try {
    fn();
    return false;
  } catch (err) {
    return err instanceof WeComCallbackError && err.reason === 'malformed';
  }
}

describe('parseMessageXml: text', () => {
  it('keeps the 64-bit MsgId of the official sample exactly (Number would round it)', () => {
    const msg = parseMessageXml(vectorById('wecom-post-xml-K1').decrypted_plaintext ?? '');
    expect(msg).toEqual({
      kind: 'text',
      msgId: '4561255354251345929',
      fromUser: 'mycreate',
      createTime: 1409659813,
      content: 'hello',
      agentId: 218,
    });
    expect(Number('4561255354251345929').toString()).not.toBe('4561255354251345929');
    expect(dedupeKeyOf(msg)).toBe('msg:4561255354251345929');
  });

  it('reads the Python sample, which uses no CDATA and UTF-8 Chinese', () => {
    const msg = parseMessageXml(vectorById('wecom-post-xml-K2').decrypted_plaintext ?? '');
    expect(msg).toEqual({ kind: 'text', msgId: '1456453720', fromUser: 'ChenJiaShun', createTime: 1476422779, content: '你好', agentId: 1000002 });
  });

  it('keeps CDATA content verbatim, including spaces, newlines, markup and "]]>"', () => {
    const content = '  登记 来电 咨询\n<b>&amp;</b> ]]> end ';
    const xml = buildTextMessageXml({ toUser: 'ww1', fromUser: 'zhangsan', createTime: 1700000000, content, msgId: '9223372036854775807', agentId: 1000002 });
    const msg = parseMessageXml(xml);
    expect(msg.kind === 'text' && msg.content).toBe(content);
    expect(msg.kind === 'text' && msg.msgId).toBe('9223372036854775807');
  });

  it('decodes entities in plain (non-CDATA) content', () => {
    const xml =
      '<xml><ToUserName>ww1</ToUserName><FromUserName>u1</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType>' +
      '<Content>a &lt;b&gt; &amp; c</Content><MsgId>12</MsgId><AgentID>5</AgentID></xml>';
    const msg = parseMessageXml(xml);
    expect(msg.kind === 'text' && msg.content).toBe('a <b> & c');
  });
});

describe('parseMessageXml: card click', () => {
  it('reads the documented template_card_event example (WxJava fixture, with SelectedItems)', () => {
    const xml = readFileSync(new URL('../fixtures/wecom/template-card-event.xml', import.meta.url), 'utf8');
    const msg = parseMessageXml(xml);
    expect(msg).toEqual({
      kind: 'card_click',
      fromUser: 'FromUser',
      createTime: 123456789,
      eventKey: 'key111',
      taskId: 'taskid111',
      cardType: 'text_notice',
      responseCode: 'ResponseCode',
      agentId: 1,
    });
    expect(dedupeKeyOf(msg)).toBe('card:FromUser:123456789:taskid111:key111:ResponseCode');
  });

  it('reads a click built by buildCardClickXml', () => {
    const xml = buildCardClickXml({
      toUser: 'ww1',
      fromUser: 'lisi',
      createTime: 1700000001,
      eventKey: 'approve:123',
      taskId: 'leave-2025-000123',
      responseCode: 'rc-abc',
      agentId: 1000002,
    });
    expect(parseMessageXml(xml)).toEqual({
      kind: 'card_click',
      fromUser: 'lisi',
      createTime: 1700000001,
      eventKey: 'approve:123',
      taskId: 'leave-2025-000123',
      cardType: 'button_interaction',
      responseCode: 'rc-abc',
      agentId: 1000002,
    });
  });

  it('refuses a click without ResponseCode or TaskId', () => {
    const xml = buildCardClickXml({ toUser: 'w', fromUser: 'u', createTime: 1, eventKey: 'k', taskId: 't', responseCode: 'r', agentId: 1 });
    expect(malformed(() => parseMessageXml(xml.replace(/<ResponseCode>.*<\/ResponseCode>/, '')))).toBe(true);
    expect(malformed(() => parseMessageXml(xml.replace(/<TaskId>.*<\/TaskId>/, '<TaskId></TaskId>')))).toBe(true);
  });
});

describe('parseMessageXml: other messages', () => {
  it('turns enter_agent into an event keyed by sender, time and event', () => {
    const msg = parseMessageXml(buildEventXml({ toUser: 'ww1', fromUser: 'wangwu', createTime: 1700000002, event: 'enter_agent', agentId: 1000002 }));
    expect(msg).toEqual({
      kind: 'other',
      fromUser: 'wangwu',
      createTime: 1700000002,
      msgType: 'event',
      event: 'enter_agent',
      agentId: 1000002,
      dedupeKey: 'evt:wangwu:1700000002:enter_agent',
    });
    expect(dedupeKeyOf(msg)).toBe('evt:wangwu:1700000002:enter_agent');
  });

  it('keys an image by its MsgId', () => {
    const xml =
      '<xml><ToUserName><![CDATA[ww1]]></ToUserName><FromUserName><![CDATA[u1]]></FromUserName><CreateTime>1348831860</CreateTime>' +
      '<MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[http://x/y.jpg]]></PicUrl><MediaId><![CDATA[m]]></MediaId>' +
      '<MsgId>1234567890123456789</MsgId><AgentID>1</AgentID></xml>';
    const msg = parseMessageXml(xml);
    expect(msg).toMatchObject({ kind: 'other', msgType: 'image', dedupeKey: 'msg:1234567890123456789' });
  });

  it('accepts a system event without AgentID', () => {
    const xml =
      '<xml><ToUserName>ww1</ToUserName><FromUserName>sys</FromUserName><CreateTime>1425284517</CreateTime>' +
      '<MsgType>event</MsgType><Event>upload_media_job_finish</Event><JobId>j1</JobId></xml>';
    expect(parseMessageXml(xml)).toEqual({
      kind: 'other',
      fromUser: 'sys',
      createTime: 1425284517,
      msgType: 'event',
      event: 'upload_media_job_finish',
      dedupeKey: 'evt:sys:1425284517:upload_media_job_finish',
    });
  });

  it('produces messages that the storage schema accepts back', () => {
    const msgs = [
      parseMessageXml(vectorById('wecom-post-xml-K1').decrypted_plaintext ?? ''),
      parseMessageXml(buildEventXml({ toUser: 'w', fromUser: 'u', createTime: 5, event: 'subscribe', agentId: 2 })),
      parseMessageXml(buildCardClickXml({ toUser: 'w', fromUser: 'u', createTime: 5, eventKey: 'k', taskId: 't', responseCode: 'r', agentId: 2 })),
    ];
    for (const m of msgs) expect(inboundMessageSchema.parse(JSON.parse(JSON.stringify(m)))).toEqual(m);
  });
});

describe('parseMessageXml: malformed input', () => {
  const good = vectorById('wecom-post-xml-K1').decrypted_plaintext ?? '';
  it.each([
    ['empty', ''],
    ['not XML', 'hello'],
    ['unclosed tag', good.replace('</Content>', '')],
    ['another root', good.replaceAll('xml>', 'doc>')],
    ['no FromUserName', good.replace(/<FromUserName>.*<\/FromUserName>/, '')],
    ['no MsgId', good.replace(/<MsgId>.*<\/MsgId>/, '')],
    ['no Content', good.replace(/<Content>.*<\/Content>/, '')],
    ['non-numeric CreateTime', good.replace('1409659813', 'yesterday')],
    ['no MsgType', good.replace(/<MsgType>.*<\/MsgType>/, '')],
    ['duplicated Content', good.replace('<MsgId>', '<Content>b</Content><MsgId>')],
    ['a DTD', `<!DOCTYPE xml [<!ENTITY a "aaaa">]>${good}`],
  ])('%s → malformed', (_name, xml) => {
    expect(malformed(() => parseMessageXml(xml))).toBe(true);
  });
});

describe('parseEnvelopeXml', () => {
  it('returns Encrypt from CDATA or plain text', () => {
    expect(parseEnvelopeXml(buildEnvelopeXml({ toUser: 'ww1', agentId: 1000002, encrypted: 'abc+/=' }))).toBe('abc+/=');
    expect(parseEnvelopeXml('<xml><ToUserName>ww1</ToUserName><Encrypt>abc+/=</Encrypt><AgentID>1</AgentID></xml>')).toBe('abc+/=');
  });

  it.each([
    ['no Encrypt', '<xml><ToUserName>ww1</ToUserName></xml>'],
    ['empty Encrypt', '<xml><Encrypt><![CDATA[]]></Encrypt></xml>'],
    ['JSON body', '{"encrypt":"abc"}'],
    ['two Encrypt', '<xml><Encrypt>a</Encrypt><Encrypt>b</Encrypt></xml>'],
  ])('%s → malformed', (_name, xml) => {
    expect(malformed(() => parseEnvelopeXml(xml))).toBe(true);
  });
});
