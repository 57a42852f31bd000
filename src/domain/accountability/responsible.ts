import type { OrgView } from '../reminders/resolve-recipients.ts';
import { actingFor } from '../reminders/resolve-recipients.ts';
import type { Responsible } from './accountability-record.ts';

/** Who answers for a handler's case in the organization as it is now: whoever acts for the handler (AB岗 §4). */
export function responsibleIn(org: OrgView, handler: string): Responsible {
  const person = actingFor(org, handler);
  return { person, coveredFor: person === handler ? null : handler };
}
