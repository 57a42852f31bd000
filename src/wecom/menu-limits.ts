/**
 * The app menu rules of menu/create (docs/PROTOCOL.md §8.1), checked before the menu is sent: WeCom
 * answers a broken menu with one errcode for the first rule it meets, so the script names every
 * broken rule at once instead. Names and keys count UTF-8 bytes, as WeCom does.
 */

export const MENU_LIMITS = {
  topButtons: 3,
  subButtons: 5,
  topNameBytes: 16,
  subNameBytes: 40,
  keyBytes: 128,
  urlBytes: 256,
} as const;

export type MenuItem =
  | { type: 'click'; name: string; key: string }
  | { type: 'view'; name: string; url: string }
  | { name: string; sub_button: MenuItem[] };

export interface AppMenu {
  button: MenuItem[];
}

/** Every rule the menu breaks, as readable lines; empty when WeCom would take it. */
export function menuViolations(menu: unknown): string[] {
  const out: string[] = [];
  const top = isRecord(menu) ? menu['button'] : undefined;
  if (!Array.isArray(top) || top.length < 1 || top.length > MENU_LIMITS.topButtons) {
    return [`button must list 1..${MENU_LIMITS.topButtons} items`];
  }
  top.forEach((raw, i) => {
    const item = isRecord(raw) ? raw : {};
    const path = `button[${i}]`;
    checkName(out, path, item['name'], MENU_LIMITS.topNameBytes);
    const subs = item['sub_button'];
    if (subs === undefined) return checkAction(out, path, item);
    if (!Array.isArray(subs) || subs.length < 1 || subs.length > MENU_LIMITS.subButtons) {
      out.push(`${path}.sub_button must list 1..${MENU_LIMITS.subButtons} items`);
      return;
    }
    subs.forEach((rawSub, j) => {
      const sub = isRecord(rawSub) ? rawSub : {};
      const subPath = `${path}.sub_button[${j}]`;
      checkName(out, subPath, sub['name'], MENU_LIMITS.subNameBytes);
      if (sub['sub_button'] !== undefined) out.push(`${subPath} may not have sub_button (two levels at most)`);
      checkAction(out, subPath, sub);
    });
  });
  return out;
}

function checkName(out: string[], path: string, name: unknown, maxBytes: number): void {
  if (typeof name !== 'string' || name.length === 0) out.push(`${path}.name is required`);
  else if (Buffer.byteLength(name) > maxBytes) out.push(`${path}.name "${name}" has ${Buffer.byteLength(name)} bytes (max ${maxBytes})`);
}

function checkAction(out: string[], path: string, item: Record<string, unknown>): void {
  const type = item['type'];
  if (type === 'click') {
    const key = item['key'];
    if (typeof key !== 'string' || key.length === 0) out.push(`${path}.key is required for click`);
    else if (Buffer.byteLength(key) > MENU_LIMITS.keyBytes) out.push(`${path}.key is over ${MENU_LIMITS.keyBytes} bytes`);
  } else if (type === 'view') {
    const url = item['url'];
    if (typeof url !== 'string' || !/^https?:\/\//.test(url)) out.push(`${path}.url must be an http(s) URL for view`);
    else if (Buffer.byteLength(url) > MENU_LIMITS.urlBytes) out.push(`${path}.url is over ${MENU_LIMITS.urlBytes} bytes`);
  } else {
    out.push(`${path}.type must be click or view`);
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
