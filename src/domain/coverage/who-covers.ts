/**
 * AB岗 (R7): who acts for a handler at a given moment. The handler if present; else the B holder of
 * the handler's post; else the stand-in the head named for the period (顶岗); else the department
 * head; else the head's own B. Null when everyone is away (the department still takes cases: they
 * wait for the first to return).
 */
export interface CoverageFacts {
  handler: string;
  /** Whether a person is away at the moment in question. */
  isAway(userid: string): boolean;
  /** Posts of the handler's unit as A/B pairs. */
  posts: readonly { a: string; b: string | null }[];
  /** Head of the handler's department. */
  head: string | null;
  /** The stand-in the head named for the department at that moment (顶岗), if any. */
  standIn?: string | null;
}

export type CoverVia = 'handler' | 'b' | 'stand_in' | 'head' | 'head_b';

export interface Cover {
  userid: string;
  via: CoverVia;
}

export function whoCovers(f: CoverageFacts): Cover | null {
  if (!f.isAway(f.handler)) return { userid: f.handler, via: 'handler' };
  for (const p of f.posts) {
    if (p.a === f.handler && p.b && !f.isAway(p.b)) return { userid: p.b, via: 'b' };
  }
  if (f.standIn && f.standIn !== f.handler && !f.isAway(f.standIn)) return { userid: f.standIn, via: 'stand_in' };
  if (f.head && f.head !== f.handler && !f.isAway(f.head)) return { userid: f.head, via: 'head' };
  if (f.head) {
    for (const p of f.posts) {
      if (p.a === f.head && p.b && p.b !== f.handler && !f.isAway(p.b)) return { userid: p.b, via: 'head_b' };
    }
  }
  return null;
}
