/** A page of a long list: at most `limit` rows after the row numbered `after`. Lists are never cut silently. */
export interface Page {
  limit: number;
  after?: number;
}
