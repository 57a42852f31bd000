import { buildTextMessageXml } from '../../src/wecom/build-callback-xml.ts';
import { buildSignedCallback } from '../../src/wecom/build-signed-callback.ts';

/** Credentials shared by the load generator and every server variant of the benchmark. */
export const BENCH_WECOM = {
  corpId: 'wwbench000000000001',
  agentId: 1000002,
  secret: 'bench-secret',
  token: 'BenchToken2026',
  encodingAESKey: 'QmVuY2hLZXlGb3JYaWFvTmVuZ1podVNob3UyMDI2MDE',
};

/** Encrypted, signed callbacks with unique MsgIds from staff in turn, made before the run so the load generator only sends. */
export function makeCallbacks(count: number, runTag: number, senders: string[]): { path: string; body: string }[] {
  const out: { path: string; body: string }[] = [];
  const ts = String(Math.floor(Date.now() / 1000));
  for (let i = 0; i < count; i++) {
    const xml = buildTextMessageXml({
      toUser: BENCH_WECOM.corpId,
      fromUser: senders[i % senders.length]!,
      createTime: Number(ts),
      content: '登记 来电 咨询 张三 13800000000 科普项目申报条件',
      msgId: `${runTag}${String(i).padStart(9, '0')}`,
      agentId: BENCH_WECOM.agentId,
    });
    const req = buildSignedCallback(BENCH_WECOM, xml, { timestamp: ts, nonce: String(100000 + i) });
    out.push({ path: `/wecom/callback?${req.query}`, body: req.body });
  }
  return out;
}
