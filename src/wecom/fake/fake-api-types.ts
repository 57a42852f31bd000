import type { FakeApprovals } from './fake-approvals.ts';
import type { FakeContacts } from './fake-contacts.ts';
import type { FakeOAuthPerson } from './fake-oauth.ts';

/** The shapes the fake WeCom API server records and offers to tests and the sandbox. */
import type { FakeFaults } from './fake-faults.ts';
import type { FakeAgent } from './fake-agent.ts';

export interface FakeWeComApiServerOptions {
  corpId?: string;
  secret?: string;
  agentId?: number;
  /** expires_in of issued tokens, seconds. Default 7200 like WeCom. */
  tokenExpiresInSec?: number;
  /** The fake's own clock (token expiry, response_code expiry, `at` of records). Default Date.now. */
  now?: () => number;
  /** Lifetime of a response_code. Default 72 h (94945, version of 2025-07-24; docs/PROTOCOL.md §7). */
  responseCodeTtlMs?: number;
  /** When set, userids outside this list are invalid (invaliduser; all invalid → 81013). */
  knownUsers?: string[];
  /** What agent/get answers: the app's name and visible range. */
  agent?: FakeAgent;
  host?: string;
  port?: number;
  /** Who the OAuth authorize page offers to sign in as (src/wecom/fake/fake-oauth.ts). */
  oauthPeople?: () => Promise<FakeOAuthPerson[]> | FakeOAuthPerson[];
}

export interface RecordedCall {
  method: string;
  path: string;
  /** Query with access_token and corpsecret replaced by "***". */
  query: Record<string, string>;
  /** Parsed JSON body, the raw text when it is not JSON, undefined for GET. */
  body: unknown;
  at: number;
  /** HTTP status answered; 0 when the connection was dropped on purpose. */
  status: number;
  response: unknown;
}

export type FakeMessageType = 'text' | 'markdown' | 'template_card';

export interface SentMessage {
  msgid: string;
  /** Valid recipients only. */
  touser: string[];
  msgtype: FakeMessageType;
  /** text.content or markdown.content. */
  content?: string;
  card?: Record<string, unknown>;
  taskId?: string;
  responseCode?: string;
  body: Record<string, unknown>;
  at: number;
}

export interface CardUpdate {
  responseCode: string;
  taskId: string;
  userids: string[];
  atAll: boolean;
  replaceName?: string;
  card?: Record<string, unknown>;
  at: number;
}

export interface FailSpec {
  /** Only requests to this path (e.g. '/cgi-bin/message/send'); default any path. */
  path?: string;
  /** Answer HTTP 200 with this errcode. */
  errcode?: number;
  errmsg?: string;
  /** Answer with this HTTP status instead (e.g. 502). */
  httpStatus?: number;
  /** Destroy the socket without answering. */
  dropConnection?: boolean;
  /** Do the work (deliver the message), then destroy the socket: the answer is lost. */
  lostReply?: boolean;
  /** How many matching requests fail. Default 1. */
  times?: number;
}

export interface FakeWeComApiServer extends FakeFaults {
  readonly url: string;
  /** The 审批 app: forms to submit and decide, their events, getapprovaldetail. */
  readonly approvals: FakeApprovals;
  /** The 通讯录: departments and members for department/list, user/list and user/get, and their events. */
  readonly contacts: FakeContacts;
  readonly calls: readonly RecordedCall[];
  readonly messages: readonly SentMessage[];
  readonly cardUpdates: readonly CardUpdate[];
  /** The app menu last accepted by menu/create (its `button` list), if any. */
  readonly menu: readonly Record<string, unknown>[] | undefined;
  /** Tokens issued by gettoken since start (not reset by clear()). */
  readonly issuedTokenCount: number;
  messagesTo(userid: string): SentMessage[];
  findCard(taskId: string): SentMessage | undefined;
  /** The ResponseCode WeCom puts into the click callback of `userid` on card `taskId`. */
  issueClickResponseCode(taskId: string, userid: string): string;
  /**
   * Re-learns a card sent to `touser` before this look-alike started (WeCom keeps every card; the
   * sandbox's look-alike restarts with the bot and reads its cards back from the outbox), so a click on
   * it gets a ResponseCode again. Not recorded as a new message; a task_id it knows already is left as is.
   */
  rememberCard(card: { taskId: string; touser: string[]; card: Record<string, unknown>; at: number }): void;
  /** An OAuth code for `userid`, as if that person had passed the authorize page; single-use, 5 minutes. */
  issueOAuthCode(userid: string): string;
  setOAuthPeople(people: () => Promise<FakeOAuthPerson[]> | FakeOAuthPerson[]): void;
  failNext(spec: FailSpec): void;
  /** Every token issued so far answers 42001 from now on. */
  expireTokens(): void;
  onMessage(listener: (message: SentMessage) => void): () => void;
  onCardUpdate(listener: (update: CardUpdate) => void): () => void;
  /** Forget records, pending failures, standing faults and latency; tokens, used task_ids and response codes stay (WeCom never forgets them). */
  clear(): void;
  close(): Promise<void>;
}
