import type { IncomingMessage } from 'node:http';

export class BodyTooLargeError extends Error {}

/** Reads the body whatever its Content-Type (WeCom's is not documented), up to a limit. */
export async function readRawBody(req: IncomingMessage, limitBytes = 256 * 1024): Promise<string> {
  return (await readRawBytes(req, limitBytes)).toString('utf8');
}

/** The body's bytes, up to a limit (a file upload such as the key-task table). */
export async function readRawBytes(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) throw new BodyTooLargeError(`body over ${limitBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
