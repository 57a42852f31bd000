/** One day listed in a State Council holiday notice: a rest day (isOffDay) or a make-up working day. */
export interface HolidayDay {
  name: string;
  date: string;
  isOffDay: boolean;
}

/**
 * A yearly file in the NateScarlet/holiday-cn schema. `papers` holds the gov.cn addresses of the
 * notice; an empty `papers` means the year's schedule is not published yet (placeholder file).
 */
export interface HolidayFile {
  year: number;
  papers: string[];
  days: HolidayDay[];
}
