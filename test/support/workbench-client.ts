import type { TestBot } from './start-test-bot.ts';

/** A browser's cookies for one site, enough for the workbench (name=value; expired ones removed). */
export class CookieJar {
  readonly cookies = new Map<string, string>();
  /** The Set-Cookie lines of every answer seen, for checking their attributes. */
  readonly setCookieLines: string[] = [];

  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      this.setCookieLines.push(line);
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = /expires=Thu, 01 Jan 1970/iu.test(line) || /max-age=0\b/iu.test(line) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

export interface WorkbenchClient {
  jar: CookieJar;
  get(path: string): Promise<Response>;
  /** A form post; a list value is sent as repeated fields (tick boxes). */
  post(path: string, form: Record<string, string | string[]>): Promise<Response>;
}

export function workbenchClient(t: TestBot, jar = new CookieJar()): WorkbenchClient {
  const send = async (path: string, init: RequestInit = {}) => {
    const url = path.startsWith('http') ? path : `${t.bot.url}${path}`;
    const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: jar.header() } });
    jar.take(res);
    return res;
  };
  return {
    jar,
    get: (path) => send(path),
    post: (path, form) => {
      const body = new URLSearchParams(Object.entries(form).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]])));
      return send(path, { method: 'POST', body: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    },
  };
}

/** GET /app → the authorize URL the bot sends the browser to, and the state in it. */
export async function startSignIn(client: WorkbenchClient): Promise<{ authorize: URL; state: string }> {
  const res = await client.get('/app');
  if (res.status !== 302) throw new Error(`GET /app answered ${res.status}`);
  const authorize = new URL(res.headers.get('location') ?? '');
  return { authorize, state: authorize.searchParams.get('state') ?? '' };
}

/** The whole round trip through the look-alike's authorize page as `userid`; resolves with the signed-in client. */
export async function signIn(t: TestBot, userid: string): Promise<WorkbenchClient> {
  const client = workbenchClient(t);
  const { authorize } = await startSignIn(client);
  const pick = new URL('/connect/oauth2/pick', authorize);
  for (const [k, v] of authorize.searchParams) pick.searchParams.set(k, v);
  pick.searchParams.set('userid', userid);
  const chosen = await fetch(pick, { redirect: 'manual' });
  if (chosen.status !== 302) throw new Error(`fake authorize answered ${chosen.status}`);
  // The redirect_uri names PUBLIC_BASE_URL; the test reaches the same bot at its own address.
  const target = new URL(chosen.headers.get('location') ?? '');
  const back = await client.get(`${target.pathname}${target.search}`);
  if (back.status !== 302) throw new Error(`GET /app/oauth answered ${back.status}: ${await back.text()}`);
  return client;
}
