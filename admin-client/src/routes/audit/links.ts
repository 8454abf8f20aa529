/** The audit log filtered to one person (or customer), from its page; the name is shown on the filter. */
export function auditHref(personId: string, name: string): string {
  return `/audit?${new URLSearchParams({ person: personId, name }).toString()}`;
}
