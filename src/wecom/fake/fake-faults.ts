/**
 * Standing faults of the fake WeCom API, beside failNext's one-off failures: a setup refusal (60020,
 * 40001 ...) or an HTTP outage that lasts until lifted or until an instant, a 45009 block for the rest
 * of a minute, hour or day (90454), and a slow WeCom that answers late (the work is done at once).
 */

export interface OutageSpec {
  /** Answer HTTP 200 with this errcode (60020, 40001 ...). */
  errcode?: number;
  errmsg?: string;
  /** Or answer with this HTTP status (500, 502 ...). */
  httpStatus?: number;
  /** Only these paths; default every path except gettoken for an errcode, every path for an HTTP status. */
  paths?: string[];
  /** Until this instant of the fake's clock (ms); default until lift(). */
  until?: number;
}

export type RateWindow = 'minute' | 'hour' | 'day';

export interface FakeFaults {
  /** Every matching request fails this way until lifted (or its `until`). */
  refuse(spec: OutageSpec): void;
  /** 45009 on message/send until the end of the window that starts now. */
  rateLimit(window: RateWindow): void;
  /** Lift every standing fault. */
  lift(): void;
  /** Answer message/send and update_template_card this many ms late; the message is delivered at once. */
  setLatency(ms: number): void;
}

export interface FaultAnswer {
  status: number;
  json: Record<string, unknown>;
}

const SEND_PATHS = ['/cgi-bin/message/send', '/cgi-bin/message/update_template_card'];
const CHINA_OFFSET_MS = 8 * 3600_000;

export function createFakeFaults(now: () => number): FakeFaults & { answerFor(path: string): FaultAnswer | undefined; latencyFor(path: string): number } {
  let outages: OutageSpec[] = [];
  let latencyMs = 0;
  return {
    refuse(spec) {
      outages.push(spec);
    },
    rateLimit(window) {
      const t = now();
      const until =
        window === 'minute' ? t + 60_000 : window === 'hour' ? t + 3600_000 : Math.floor((t + CHINA_OFFSET_MS) / 86_400_000 + 1) * 86_400_000 - CHINA_OFFSET_MS;
      outages.push({ errcode: 45009, errmsg: `api freq out of limit (fake ${window} window)`, paths: ['/cgi-bin/message/send'], until });
    },
    lift() {
      outages = [];
    },
    setLatency(ms) {
      latencyMs = ms;
    },
    answerFor(path) {
      const t = now();
      outages = outages.filter((o) => o.until === undefined || t < o.until);
      const hit = outages.find((o) => (o.paths ? o.paths.includes(path) : o.httpStatus !== undefined || path !== '/cgi-bin/gettoken'));
      if (!hit) return undefined;
      if (hit.httpStatus !== undefined) return { status: hit.httpStatus, json: { errcode: -1, errmsg: `fake HTTP ${hit.httpStatus}` } };
      return { status: 200, json: { errcode: hit.errcode ?? -1, errmsg: hit.errmsg ?? `fake errcode ${hit.errcode}` } };
    },
    latencyFor(path) {
      return SEND_PATHS.includes(path) ? latencyMs : 0;
    },
  };
}

/**
 * enable_duplicate_check (90236): the same message to the same person within the interval is not
 * delivered again. What WeCom answers then is UNCONFIRMED; the fake answers errcode 0 with the first
 * message's msgid.
 */
export function createDuplicateIndex(now: () => number) {
  const seen = new Map<string, { msgid: string; at: number }>();
  const keyOf = (touser: string, body: Record<string, unknown>) => {
    const msgtype = String(body['msgtype']);
    return `${touser}\u0000${msgtype}\u0000${JSON.stringify(body[msgtype])}`;
  };
  return {
    /** The earlier msgid when this send is a duplicate the check drops. */
    duplicateOf(touser: string, body: Record<string, unknown>): string | undefined {
      if (Number(body['enable_duplicate_check']) !== 1) return undefined;
      const interval = Number(body['duplicate_check_interval'] ?? 1800);
      const prior = seen.get(keyOf(touser, body));
      return prior && now() - prior.at <= Math.min(interval, 4 * 3600) * 1000 ? prior.msgid : undefined;
    },
    remember(touser: string, body: Record<string, unknown>, msgid: string): void {
      seen.set(keyOf(touser, body), { msgid, at: now() });
    },
  };
}
