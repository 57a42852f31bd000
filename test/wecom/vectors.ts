import { readFileSync } from 'node:fs';

/** Published WeCom/WeChat crypto vectors (see test/fixtures/wecom/README.md). */
export interface Keyset {
  token: string;
  encodingAESKey: string;
  receiveid: string;
}

export interface Vector {
  id: string;
  kind: string;
  keyset: string | null;
  msg_signature?: string | null;
  timestamp?: string;
  nonce?: string;
  encrypted?: string;
  encrypted_urlencoded_as_sent?: string;
  decrypted_plaintext?: string;
  decrypted_receiveid?: string;
  decrypted_random_hex?: string;
  random_utf8?: string;
  plaintext?: string;
  expected_encrypted?: string;
}

const file = JSON.parse(readFileSync(new URL('../fixtures/wecom/vectors.json', import.meta.url), 'utf8')) as {
  keysets: Record<string, Keyset>;
  vectors: Vector[];
};

export const vectors = file.vectors;

export function keysetOf(v: Vector): { token: string; encodingAESKey: string; corpId: string } {
  const k = v.keyset === null ? undefined : file.keysets[v.keyset];
  if (!k) throw new Error(`vector ${v.id} has no keyset`);
  return { token: k.token, encodingAESKey: k.encodingAESKey, corpId: k.receiveid };
}

export function vectorById(id: string): Vector {
  const v = vectors.find((x) => x.id === id);
  if (!v) throw new Error(`no vector ${id}`);
  return v;
}

export function vectorsOfKind(kind: string): Vector[] {
  return vectors.filter((v) => v.kind === kind);
}
