/** Domains typed one per line or separated by commas, semicolons or spaces; blanks dropped. */
export function parseDomains(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((domain) => domain.trim())
    .filter((domain) => domain.length > 0);
}
