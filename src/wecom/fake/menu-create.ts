/**
 * menu/create of the fake WeCom (docs/PROTOCOL.md §8.1): WeCom's limits, answered with WeCom's
 * errcodes for the first rule broken, as the real API does. Written apart from the product's own
 * check (src/wecom/menu-limits.ts), so that a mistake there is not mirrored here.
 */

export class MenuRejected extends Error {
  constructor(
    readonly errcode: number,
    message: string,
  ) {
    super(message);
  }
}

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/** Throws MenuRejected with WeCom's errcode; returns the menu as stored. */
export function checkMenu(body: Record<string, unknown>): Record<string, unknown>[] {
  const top = body['button'];
  if (!Array.isArray(top) || top.length < 1 || top.length > 3) throw new MenuRejected(40016, 'invalid button size');
  for (const raw of top) {
    const b = record(raw);
    nameOk(b, 16, 40018, 'invalid button name size');
    const subs = b['sub_button'];
    if (subs === undefined) {
      actionOk(b, { type: 40017, key: 40019, url: 40020 });
      continue;
    }
    if (!Array.isArray(subs) || subs.length < 1 || subs.length > 5) throw new MenuRejected(40023, 'invalid sub button size');
    for (const rawSub of subs) {
      const s = record(rawSub);
      if (s['sub_button'] !== undefined) throw new MenuRejected(40023, 'invalid sub button size');
      nameOk(s, 40, 40025, 'invalid sub button name size');
      actionOk(s, { type: 40024, key: 40026, url: 40027 });
    }
  }
  return top as Record<string, unknown>[];
}

function nameOk(b: Record<string, unknown>, max: number, errcode: number, msg: string): void {
  const name = b['name'];
  if (typeof name !== 'string' || name.length === 0 || bytes(name) > max) throw new MenuRejected(errcode, msg);
}

function actionOk(b: Record<string, unknown>, codes: { type: number; key: number; url: number }): void {
  if (b['type'] === 'click') {
    const key = b['key'];
    if (typeof key !== 'string' || key.length === 0 || bytes(key) > 128) throw new MenuRejected(codes.key, 'invalid button key size');
  } else if (b['type'] === 'view') {
    const url = b['url'];
    if (typeof url !== 'string' || url.length === 0 || bytes(url) > 256) throw new MenuRejected(codes.url, 'invalid button url size');
  } else {
    throw new MenuRejected(codes.type, 'invalid button type');
  }
}

function record(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
