import { bulletinDue } from '../domain/evaluation/bulletin.ts';
import { listDepartments, loadOffice, readOrgSettings } from '../db/org-repository.ts';
import { claimReminders } from '../db/reminder-claims.ts';
import { renderBulletinMarkdown } from '../messages/bulletin-replies.ts';
import { bulletinView } from '../use-cases/monthly-bulletin.ts';
import { BULLETIN_REPORT_PATH, reportLink } from '../use-cases/report-links.ts';
import type { Job } from './job.ts';

/**
 * 定期通报 (效能考评制 §1): on the first working day of each month, 09:30, the office, the principal
 * and the supervising leaders get the previous month's 效能通报, once (claimed by month).
 */
export const monthlyBulletinJob: Job = {
  name: 'monthly-bulletin',
  schedule: '* * * * *',
  async run({ db, calendar, policy, now, publicBaseUrl, claimed }) {
    const period = bulletinDue(calendar, policy.officeHours, now);
    if (!period) return { sent: 0 };
    const key = `bulletin:${period.key}`;
    if ((await claimed.unclaimed(db, [key])).size === 0) return { sent: 0 };
    const [office, settings, departments] = [await loadOffice(db), await readOrgSettings(db), await listDepartments(db)];
    const to = [...new Set([...(office?.members ?? []), ...(settings.principal ? [settings.principal] : []), ...departments.flatMap((d) => (d.leader ? [d.leader] : []))])];
    const view = await bulletinView(db, period, now, calendar);
    const link = await reportLink({ tx: db, now, publicBaseUrl }, BULLETIN_REPORT_PATH(period.key));
    const content = renderBulletinMarkdown(view.bulletin, view.unit, view.names, view.departments, link);
    const won = await claimReminders(db, [{ key, caseNo: null, kind: 'bulletin', toUsers: to, messages: to.map((u) => ({ key: `${key}:${u}`, toUser: u, kind: 'markdown' as const, payload: { content } })) }], now);
    claimed.add([key]);
    return { sent: won.length };
  },
};
