/**
 * Cross-reference checks of the organization file (people, departments, posts and services that
 * name each other). Split from parse-org-file.ts: the schema checks shapes, this checks meaning.
 */
import type { OrgError, Path } from './org-error.ts';
import { ORG_REFERENCE_ERROR as E } from '../messages/org-file-errors.ts';

// These run on the raw data, field by field, so that they are reported together with schema
// errors instead of only after the schema passes. A section that is not a list at all is skipped
// (its schema error says so) to avoid a cascade of "does not exist" messages.

export type Raw = Record<string, unknown>;

function rawList(value: unknown): Raw[] | null {
  if (!Array.isArray(value)) return null;
  return value.map((item) => (item !== null && typeof item === 'object' && !Array.isArray(item) ? (item as Raw) : {}));
}

function rawText(record: Raw, key: string): string | undefined {
  const v = record[key];
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
}

function rawDays(record: Raw, key: string): number | undefined {
  const v = record[key];
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined;
}

function label(section: string, index: number): string {
  return `${section}[${index}]`;
}

export function checkReferences(root: Raw, options: { peopleFromWeCom?: boolean } = {}): OrgError[] {
  const errors: OrgError[] = [];
  const departments = rawList(root.departments);
  const staff = rawList(root.staff);
  const posts = rawList(root.posts);
  const services = rawList(root.services);

  // Departments: unique keys and names.
  const deptKeys = departments ? new Set<string>() : null;
  if (departments && deptKeys) {
    const keyAt = new Map<string, number>();
    const nameAt = new Map<string, number>();
    const wecomIdAt = new Map<string, number>();
    departments.forEach((d, i) => {
      const wecomId = d['wecomId'];
      if (typeof wecomId === 'number') {
        const first = seenBefore(wecomIdAt, String(wecomId), i);
        if (first !== undefined) errors.push({ path: ['departments', i, 'wecomId'], message: E.duplicateWecomDepartment(wecomId, label('departments', first)) });
      }
      const key = rawText(d, 'key');
      if (key !== undefined) {
        deptKeys.add(key);
        const first = seenBefore(keyAt, key, i);
        if (first !== undefined)
          errors.push({
            path: ['departments', i, 'key'],
            message: E.duplicateDepartmentKey(key, label('departments', first)),
          });
      }
      const name = rawText(d, 'name');
      if (name !== undefined) {
        const first = seenBefore(nameAt, name, i);
        if (first !== undefined)
          errors.push({
            path: ['departments', i, 'name'],
            message: E.duplicateDepartmentName(name, label('departments', first)),
          });
      }
    });
  }

  // Staff: unique userids (WeCom ignores case), existing departments.
  const userids = staff ? new Set<string>() : null;
  const useridByLower = new Map<string, { userid: string; index: number }>();
  if (staff && userids) {
    staff.forEach((s, i) => {
      const id = rawText(s, 'userid');
      if (id !== undefined) {
        userids.add(id);
        const first = useridByLower.get(id.toLowerCase());
        if (first === undefined) useridByLower.set(id.toLowerCase(), { userid: id, index: i });
        else if (first.userid === id)
          errors.push({
            path: ['staff', i, 'userid'],
            message: E.duplicateUser(id, label('staff', first.index)),
          });
        else
          errors.push({
            path: ['staff', i, 'userid'],
            message: E.userDiffersOnlyInCase(id, label('staff', first.index), first.userid),
          });
      }
      checkDepartment(s, ['staff', i, 'department']);
    });
  }

  function checkDepartment(record: Raw, path: Path): void {
    const key = rawText(record, String(path[path.length - 1]));
    if (key !== undefined && deptKeys && !deptKeys.has(key)) {
      errors.push({ path, message: E.unknownDepartment(key) });
    }
  }

  function checkUser(record: Raw, path: Path): void {
    const id = rawText(record, String(path[path.length - 1]));
    if (id === undefined || !userids || userids.has(id)) return;
    const similar = useridByLower.get(id.toLowerCase());
    // WeCom's roster decides who exists; only a case slip against a listed userid is still caught.
    if (options.peopleFromWeCom && !similar) return;
    errors.push({
      path,
      message: similar ? E.unknownUserDidYouMean(id, similar.userid) : E.unknownUser(id),
    });
  }

  checkUser(root, ['principal']);
  checkDepartment(root, ['office']);

  departments?.forEach((d, i) => {
    checkUser(d, ['departments', i, 'head']);
    checkUser(d, ['departments', i, 'leader']);
  });

  // Posts: existing department and holders, A ≠ B, unique per department.
  const postAt = new Map<string, number>();
  posts?.forEach((p, i) => {
    checkDepartment(p, ['posts', i, 'department']);
    checkUser(p, ['posts', i, 'a']);
    checkUser(p, ['posts', i, 'b']);
    const a = rawText(p, 'a');
    const b = rawText(p, 'b');
    if (a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase()) {
      errors.push({ path: ['posts', i, 'b'], message: E.bSameAsA(a) });
    }
    const dept = rawText(p, 'department');
    const name = rawText(p, 'name');
    if (dept !== undefined && name !== undefined) {
      const id = JSON.stringify([dept, name]);
      const first = seenBefore(postAt, id, i);
      if (first !== undefined)
        errors.push({
          path: ['posts', i, 'name'],
          message: E.duplicatePost(dept, name, label('posts', first)),
        });
    }
  });

  // Posts name the services they handle: each must be in the catalog.
  const codes = new Set((services ?? []).map((s) => rawText(s, 'code')?.toLowerCase()).filter((c): c is string => c !== undefined));
  posts?.forEach((p, i) => {
    if (!Array.isArray(p.services) || !services) return;
    p.services.forEach((code, j) => {
      if (typeof code === 'string' && code.trim() !== '' && !codes.has(code.trim().toLowerCase())) {
        errors.push({ path: ['posts', i, 'services', j], message: E.unknownService(code.trim()) });
      }
    });
  });

  // Services: existing department, unique code and name, distinct materials, promise ≤ statute.
  const codeAt = new Map<string, number>();
  const serviceNameAt = new Map<string, number>();
  services?.forEach((s, i) => {
    checkDepartment(s, ['services', i, 'department']);
    const code = rawText(s, 'code');
    if (code !== undefined) {
      // Case-insensitive because people type "kp-01" when asking for 服务指南.
      const first = seenBefore(codeAt, code.toLowerCase(), i);
      if (first !== undefined)
        errors.push({
          path: ['services', i, 'code'],
          message: E.duplicateServiceCode(code, label('services', first)),
        });
    }
    const name = rawText(s, 'name');
    if (name !== undefined) {
      const first = seenBefore(serviceNameAt, name, i);
      if (first !== undefined)
        errors.push({
          path: ['services', i, 'name'],
          message: E.duplicateServiceName(name, label('services', first)),
        });
    }
    const materials = s.materials;
    if (Array.isArray(materials)) {
      const materialAt = new Map<string, number>();
      materials.forEach((m, j) => {
        if (typeof m !== 'string' || m.trim() === '') return;
        const first = seenBefore(materialAt, m.trim(), j);
        if (first !== undefined)
          errors.push({
            path: ['services', i, 'materials', j],
            message: E.duplicateMaterial(m.trim(), first + 1),
          });
      });
    }
    const statutory = rawDays(s, 'statutoryDays');
    const promised = rawDays(s, 'promisedDays');
    if (statutory !== undefined && promised !== undefined && promised > statutory) {
      errors.push({
        path: ['services', i, 'promisedDays'],
        message: E.promiseLongerThanStatute(promised, statutory),
      });
    }
  });

  return errors;
}

/** Remembers where `key` first appeared; when it appears again, returns that earlier index. */
function seenBefore(seen: Map<string, number>, key: string, index: number): number | undefined {
  const first = seen.get(key);
  if (first === undefined) seen.set(key, index);
  return first;
}
