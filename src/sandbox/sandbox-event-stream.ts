import type { Context } from 'koa';
import { isVisibleTo, type SandboxEvent, type SandboxHub } from './sandbox-hub.ts';

const HEARTBEAT_MS = 15_000;

/**
 * Server-Sent Events for one person, or for everyone when `userid` is undefined (the page's one shared
 * stream, which it sorts by person): this run's lines first (or what was missed, after Last-Event-ID),
 * then every new line live. On a one-person stream other people's messages arrive as id-less
 * `activity` events so the page can badge them. Returns a function that ends the stream (on shutdown).
 */
export function openEventStream(ctx: Context, hub: SandboxHub, userid: string | undefined): () => void {
  const asked = Number(ctx.get('last-event-id') || ctx.query['after'] || 0);
  // A seq beyond this run's is from before a restart: everything of this run is new to that page.
  const lastSeen = Number.isFinite(asked) && asked <= hub.lastSeq ? asked : 0;
  // Written straight to the socket: Koa's stream piping reports every closed browser tab as an error.
  const stream = ctx.res;
  const write = (e: SandboxEvent) => stream.write(`id: ${e.seq}\nevent: ${e.kind}\ndata: ${JSON.stringify(e)}\n\n`);

  ctx.respond = false;
  ctx.req.socket.setTimeout(0);
  ctx.req.socket.setNoDelay(true);
  stream.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    'x-accel-buffering': 'no',
    // Ending the stream on shutdown then frees the socket at once instead of leaving it keep-alive.
    connection: 'close',
  });

  stream.write('retry: 2000\n\n');
  // First the run, so that a page resuming after a restart knows before the replay that seq began again.
  stream.write(`event: run\ndata: ${JSON.stringify({ run: hub.run })}\n\n`);
  for (const e of hub.historyFor(userid, lastSeen)) write(e);
  stream.write(`event: ready\ndata: ${JSON.stringify({ run: hub.run, seq: hub.lastSeq })}\n\n`);

  const off = hub.subscribe((e) => {
    if (userid === undefined || isVisibleTo(e, userid)) write(e);
    else if (e.kind === 'message') stream.write(`event: activity\ndata: ${JSON.stringify({ touser: e.touser })}\n\n`);
  });
  const heartbeat = setInterval(() => stream.write(': keep-alive\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    off();
    clearInterval(heartbeat);
    stream.end();
  };
  ctx.req.on('close', end);
  return end;
}
