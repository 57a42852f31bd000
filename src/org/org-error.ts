/** A problem found in the organization file, at a path such as `staff[3].userid`. */
export type Path = readonly (string | number)[];

export interface OrgError {
  path: Path;
  message: string;
}
