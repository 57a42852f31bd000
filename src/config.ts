import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_OFFICE_HOURS, parseOfficeHours, type OfficeHours } from './domain/reminders/reminder-policy.ts';

/** The WeCom app settings. Absent `WECOM_CORP_ID` means sandbox mode (a local WeCom look-alike). */
export interface WeComSettings {
  corpId: string;
  agentId: number;
  secret: string;
  token: string;
  encodingAESKey: string;
  apiBase: string;
  /** WECOM_LEAVE_TEMPLATES: 审批 template ids whose approved forms register an absence (issue 14 item 7). */
  leaveTemplates?: string[];
  /** WECOM_CONTACTS_SYNC=on: people and departments come from WeCom's contacts (issue 14 item 6). */
  contactsSync?: boolean;
  /** The 通讯录同步 callback's Token and EncodingAESKey; absent: no contacts callback. */
  contactsCallback?: { token: string; encodingAESKey: string };
}

export interface Config {
  mode: 'wecom' | 'sandbox';
  wecom: WeComSettings | null;
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  orgFile: string | undefined;
  adminToken: string | undefined;
  publicBaseUrl: string;
  calendarDir: string;
  logLevel: string;
  /** OFFICE_HOURS, China time: routine reminders go out only then, on working days. */
  officeHours: OfficeHours;
  /** OUTBOX_CONCURRENCY: members the outbox sends to in parallel. */
  outboxConcurrency: number;
  /** WECOM_TIMEOUT_MS: how long one WeCom API request may take. */
  wecomTimeoutMs: number;
  /** Where WeCom's OAuth2 authorize page lives (WECOM_OAUTH_BASE); private deployments set their own. */
  oauthBase: string;
  /** Signs the workbench's session cookie (SESSION_SECRET); undefined in sandbox mode, which makes one. */
  sessionSecret: string | undefined;
}

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const envSchema = z.object({
  WECOM_CORP_ID: optionalText,
  WECOM_AGENT_ID: optionalText.pipe(z.string().regex(/^\d+$/, 'must be a number').optional()),
  WECOM_SECRET: optionalText,
  WECOM_TOKEN: optionalText.pipe(z.string().regex(/^[A-Za-z0-9]{1,32}$/, 'must be 1-32 letters or digits').optional()),
  WECOM_ENCODING_AES_KEY: optionalText.pipe(
    z.string().regex(/^[A-Za-z0-9]{43}$/, 'must be exactly 43 letters or digits').optional(),
  ),
  WECOM_LEAVE_TEMPLATES: optionalText.pipe(z.string().regex(/^[A-Za-z0-9_-]{1,128}(,\s*[A-Za-z0-9_-]{1,128})*$/, 'must be approval (shenpi) template ids separated by commas').optional()),
  WECOM_CONTACTS_SYNC: optionalText.pipe(z.enum(['on', 'off'], { error: 'must be on or off' }).optional()),
  WECOM_CONTACTS_TOKEN: optionalText.pipe(z.string().regex(/^[A-Za-z0-9]{1,32}$/, 'must be 1-32 letters or digits').optional()),
  WECOM_CONTACTS_AES_KEY: optionalText.pipe(z.string().regex(/^[A-Za-z0-9]{43}$/, 'must be exactly 43 letters or digits').optional()),
  WECOM_API_BASE: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional()),
  WECOM_OAUTH_BASE: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional()),
  SESSION_SECRET: optionalText.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  DATABASE_URL: optionalText.pipe(
    z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgresql://').optional(),
  ),
  DATA_DIR: optionalText,
  PORT: optionalText.pipe(z.string().regex(/^\d{1,5}$/, 'must be a port number').optional()),
  ORG_FILE: optionalText,
  ADMIN_TOKEN: optionalText.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  PUBLIC_BASE_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional()),
  CALENDAR_DIR: optionalText,
  LOG_LEVEL: optionalText.pipe(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional()),
  OUTBOX_CONCURRENCY: optionalText.pipe(
    z.string().regex(/^\d+$/, 'must be a number').refine((v) => Number(v) >= 1 && Number(v) <= 50, 'must be 1-50').optional(),
  ),
  WECOM_TIMEOUT_MS: optionalText.pipe(
    z.string().regex(/^\d+$/, 'must be a number of milliseconds').refine((v) => Number(v) >= 1000 && Number(v) <= 60_000, 'must be 1000-60000').optional(),
  ),
  OFFICE_HOURS: optionalText.pipe(
    z.string().refine((v) => parseOfficeHours(v) !== null, 'must be HH:MM-HH:MM, opening before closing (e.g. 09:00-17:30)').optional(),
  ),
});

export const DEFAULT_OAUTH_BASE = 'https://open.weixin.qq.com';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once at start-up; every bad variable is named in one error. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  if (env.WECOM_CORP_ID?.trim()) {
    const required = ['WECOM_AGENT_ID', 'WECOM_SECRET', 'WECOM_TOKEN', 'WECOM_ENCODING_AES_KEY', 'SESSION_SECRET'] as const;
    for (const name of required) if (!env[name]?.trim()) problems.push(`${name}: required when WECOM_CORP_ID is set`);
  }
  // The two halves of the contacts callback only work together.
  if (Boolean(env.WECOM_CONTACTS_TOKEN?.trim()) !== Boolean(env.WECOM_CONTACTS_AES_KEY?.trim())) {
    problems.push('WECOM_CONTACTS_TOKEN, WECOM_CONTACTS_AES_KEY: set both or neither');
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  const port = e.PORT === undefined ? 3000 : Number(e.PORT);
  if (port < 1 || port > 65535) problems.push('PORT: must be between 1 and 65535');

  let wecom: WeComSettings | null = null;
  if (e.WECOM_CORP_ID) {
    wecom = {
      corpId: e.WECOM_CORP_ID,
      agentId: Number(e.WECOM_AGENT_ID ?? 0),
      secret: e.WECOM_SECRET ?? '',
      token: e.WECOM_TOKEN ?? '',
      encodingAESKey: e.WECOM_ENCODING_AES_KEY ?? '',
      apiBase: e.WECOM_API_BASE ?? 'https://qyapi.weixin.qq.com',
      leaveTemplates: e.WECOM_LEAVE_TEMPLATES ? e.WECOM_LEAVE_TEMPLATES.split(',').map((t) => t.trim()) : [],
      contactsSync: e.WECOM_CONTACTS_SYNC === 'on',
      ...(e.WECOM_CONTACTS_TOKEN && e.WECOM_CONTACTS_AES_KEY && { contactsCallback: { token: e.WECOM_CONTACTS_TOKEN, encodingAESKey: e.WECOM_CONTACTS_AES_KEY } }),
    };
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const dataDir = path.resolve(e.DATA_DIR ?? './data');
  return Object.freeze({
    mode: wecom ? 'wecom' : 'sandbox',
    wecom,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    port,
    orgFile: e.ORG_FILE,
    adminToken: e.ADMIN_TOKEN,
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    calendarDir: path.resolve(e.CALENDAR_DIR ?? path.join(dataDir, 'calendar')),
    logLevel: e.LOG_LEVEL ?? 'info',
    officeHours: (e.OFFICE_HOURS ? parseOfficeHours(e.OFFICE_HOURS) : null) ?? DEFAULT_OFFICE_HOURS,
    outboxConcurrency: e.OUTBOX_CONCURRENCY === undefined ? 4 : Number(e.OUTBOX_CONCURRENCY),
    wecomTimeoutMs: e.WECOM_TIMEOUT_MS === undefined ? 20_000 : Number(e.WECOM_TIMEOUT_MS),
    oauthBase: (e.WECOM_OAUTH_BASE ?? DEFAULT_OAUTH_BASE).replace(/\/+$/, ''),
    sessionSecret: e.SESSION_SECRET,
  });
}
