import { reportLinkSecret } from '../db/link-secret.ts';
import { signLink } from '../shared/signed-link.ts';
import type { UseCaseContext } from './context.ts';

/** How long a report link sent in chat keeps working. */
export const REPORT_LINK_DAYS = 7;

/** A link to a report for chat: signed, so it opens without the admin token, for REPORT_LINK_DAYS. */
export async function reportLink(ctx: Pick<UseCaseContext, 'tx' | 'now' | 'publicBaseUrl'>, path: string): Promise<string> {
  const secret = await reportLinkSecret(ctx.tx);
  return `${ctx.publicBaseUrl}${signLink(secret, path, new Date(ctx.now.getTime() + REPORT_LINK_DAYS * 24 * 3600_000))}`;
}

export const EVALUATION_REPORT_PATH = (period: string) => `/reports/evaluations/${period}.xlsx`;
export const BULLETIN_REPORT_PATH = (month: string) => `/reports/bulletins/${month}.html`;
