import { z } from 'zod';
import { weekdayOf } from '../domain/calendar/china-time.ts';
import type { HolidayFile } from '../domain/calendar/holiday-file.ts';

function isExistingDate(date: string): boolean {
  try {
    weekdayOf(date);
    return true;
  } catch {
    return false;
  }
}

const holidayFileSchema = z
  .object({
    year: z.number().int().min(1949).max(2999),
    papers: z.array(z.string().min(1)),
    days: z.array(
      z.object({
        name: z.string().min(1),
        date: z.string().refine(isExistingDate, 'must be an existing YYYY-MM-DD date'),
        isOffDay: z.boolean(),
      }),
    ),
  })
  .superRefine((file, ctx) => {
    // A notice can only touch its own year and late December of the year before (holiday-cn keeps those in Y+1).
    const seen = new Set<string>();
    file.days.forEach((day, index) => {
      const dayYear = Number(day.date.slice(0, 4));
      if (dayYear !== file.year && dayYear !== file.year - 1) {
        ctx.addIssue({ code: 'custom', path: ['days', index, 'date'], message: `${day.date} is outside year ${file.year}` });
      }
      if (seen.has(day.date)) {
        ctx.addIssue({ code: 'custom', path: ['days', index, 'date'], message: `${day.date} is listed twice` });
      }
      seen.add(day.date);
    });
    // Days without a cited notice would be ignored as "unpublished"; refuse rather than drop them silently.
    if (file.days.length > 0 && file.papers.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['papers'], message: 'lists days but no papers (the notice URLs)' });
    }
  });

/** Parses and validates one holiday-cn file's text; throws an Error naming `source` on any defect. */
export function parseHolidayFile(text: string, source: string): HolidayFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`Invalid holiday file ${source}: not JSON (${(error as Error).message})`);
  }
  const result = holidayFileSchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`Invalid holiday file ${source}: ${problems.join('; ')}`);
  }
  return result.data;
}
