/* global window, navigator, EventSource, BroadcastChannel */
// One event stream for all tabs of this browser. A browser allows six connections per host; one
// EventSource per tab would block every request once six tabs are open. So the tab holding a Web Lock
// opens the one stream (everyone's lines) and passes each line to the other tabs over a
// BroadcastChannel; when that tab closes, the lock passes to another tab, which resumes after the
// last line seen. Without Web Locks or BroadcastChannel (old browsers) each tab opens its own.

const KINDS = ['said', 'message', 'card-update', 'time', 'unsaid'];
const LOCK = 'xn-sandbox-stream';

/**
 * `onEvent(line)` for every line, in order, once; `onReady({run, seq})` when a stream is up;
 * `onRestart()` when the server started again since (its lines of before are gone from memory).
 * Returns the role this tab plays, for tests and diagnostics: 'leader' | 'follower' | 'alone'.
 */
export function openSharedStream({ onEvent, onReady, onRestart }) {
  let lastSeq = 0;
  let run = null;
  let ready = null;
  const status = { role: 'follower' };

  const adoptRun = (next) => {
    if (next === run) return;
    const restarted = run !== null;
    // A new run: its seq began again at 1.
    run = next;
    lastSeq = 0;
    if (restarted) onRestart();
  };
  const accept = (info) => {
    adoptRun(info.run);
    ready = info;
    onReady(info);
  };
  const deliver = (line) => {
    if (line.seq <= lastSeq) return;
    lastSeq = line.seq;
    onEvent(line);
  };

  const connect = (forward) => {
    const stream = new EventSource(`/sandbox/api/events${lastSeq > 0 ? `?after=${lastSeq}` : ''}`);
    for (const kind of KINDS) {
      stream.addEventListener(kind, (e) => {
        const line = JSON.parse(e.data);
        if (line.seq <= lastSeq) return;
        deliver(line);
        forward?.({ type: 'line', line });
      });
    }
    stream.addEventListener('run', (e) => {
      const info = JSON.parse(e.data);
      adoptRun(info.run);
      forward?.({ type: 'run', info });
    });
    stream.addEventListener('ready', (e) => {
      const info = JSON.parse(e.data);
      accept(info);
      forward?.({ type: 'ready', info });
    });
    return stream;
  };

  if (typeof BroadcastChannel === 'undefined' || !navigator.locks) {
    status.role = 'alone';
    connect(null);
    return status;
  }

  const channel = new BroadcastChannel(LOCK);
  const post = (message) => channel.postMessage(message);
  channel.addEventListener('message', (m) => {
    const data = m.data ?? {};
    if (data.type === 'line') deliver(data.line);
    else if (data.type === 'ready') accept(data.info);
    else if (data.type === 'run') adoptRun(data.info.run);
    else if (data.type === 'hello' && status.role === 'leader' && ready) post({ type: 'ready', info: ready });
  });
  post({ type: 'hello' });

  // Held until the tab goes away: the promise never settles.
  void navigator.locks.request(LOCK, () => {
    status.role = 'leader';
    const stream = connect(post);
    window.addEventListener('pagehide', () => stream.close());
    return new Promise(() => undefined);
  });
  return status;
}
