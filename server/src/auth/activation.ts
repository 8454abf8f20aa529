import { registerEnumType } from 'type-graphql';

/** Which people or customers a list shows, by their deactivation. */
export enum ActivationFilter {
  ACTIVE = 'ACTIVE',
  DEACTIVATED = 'DEACTIVATED',
  ALL = 'ALL',
}

registerEnumType(ActivationFilter, {
  name: 'ActivationFilter',
  description: 'ACTIVE: only those that are not deactivated; DEACTIVATED: only deactivated ones; ALL: both.',
  valuesConfig: {
    ACTIVE: { description: 'Not deactivated.' },
    DEACTIVATED: { description: 'Deactivated (no sign-in, no session; history kept).' },
    ALL: { description: 'Active and deactivated.' },
  },
});

/** The condition on a `deactivatedAt` column for a filter; empty for ALL (or no filter). */
export function deactivatedAtWhere(filter: ActivationFilter | null | undefined): { deactivatedAt?: null | { $ne: null } } {
  if (filter === ActivationFilter.ACTIVE) return { deactivatedAt: null };
  if (filter === ActivationFilter.DEACTIVATED) return { deactivatedAt: { $ne: null } };
  return {};
}
