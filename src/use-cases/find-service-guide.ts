import type { Tx } from '../db/transaction.ts';
import type { ServiceInfo } from '../domain/org/org-records.ts';
import { matchService, type ServiceMatch } from '../domain/services/match-service.ts';
import { departmentNames, listServices } from '../db/org-repository.ts';

export interface ServiceGuideResult {
  match: ServiceMatch<ServiceInfo>;
  catalog: ServiceInfo[];
  /** Department key → name, for every department of the catalog. */
  departments: Map<string, string>;
}

/** 指南 事项 (R2): the catalog entry meant by code or name, or the close names, or the whole catalog. */
export async function findServiceGuide(tx: Tx, query: string): Promise<ServiceGuideResult> {
  const catalog = await listServices(tx);
  const departments = await departmentNames(tx);
  return { match: matchService(catalog, query), catalog, departments };
}
