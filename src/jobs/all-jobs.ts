import { caseRemindersJob } from './case-reminders-job.ts';
import { deemedApprovalJob } from './deemed-approval-job.ts';
import { complaintRemindersJob } from './complaint-reminders-job.ts';
import { morningDigestJob } from './morning-digest-job.ts';
import { refusalRemindersJob } from './refusal-reminders-job.ts';
import { accountabilityNoticesJob } from './accountability-notices-job.ts';
import { rectificationRemindersJob } from './rectification-reminders-job.ts';
import { monthlyBulletinJob } from './monthly-bulletin-job.ts';
import { keyTaskRemindersJob } from './key-task-reminders-job.ts';
import { followUpRemindersJob } from './follow-up-reminders-job.ts';
import { visitorMessagesJob } from './visitor-messages-job.ts';
import type { Job } from './job.ts';

/** Every scheduled job, in the order one tick runs them. */
export const ALL_JOBS: readonly Job[] = [
  deemedApprovalJob,
  caseRemindersJob,
  morningDigestJob,
  refusalRemindersJob,
  complaintRemindersJob,
  followUpRemindersJob,
  visitorMessagesJob,
  keyTaskRemindersJob,
  rectificationRemindersJob,
  accountabilityNoticesJob,
  monthlyBulletinJob,
];
