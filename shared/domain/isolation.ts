/** Rule 9: a company's data is invisible to every other company. */
export function sameCompany(actorCompanyId: string, resourceCompanyId: string): boolean {
  return actorCompanyId === resourceCompanyId;
}

/** Keep only what belongs to the actor's company. */
export function visibleTo<T extends { companyId: string }>(actorCompanyId: string, rows: readonly T[]): T[] {
  return rows.filter((r) => sameCompany(actorCompanyId, r.companyId));
}
