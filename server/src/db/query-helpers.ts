/** Ids are UUIDs; anything else cannot exist and must not reach PostgreSQL as a malformed uuid. */
export function isUuid(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}

/** Escapes LIKE wildcards so a search for "50%" finds exactly that. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `%text%` for a case-insensitive contains-search against a lower-cased column. */
export function containsPattern(text: string): string {
  return `%${escapeLike(text.trim().toLowerCase())}%`;
}
