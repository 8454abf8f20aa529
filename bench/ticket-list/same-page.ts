import { Agent } from 'node:http';
import { isDeepStrictEqual } from 'node:util';
import { post } from './load.js';

const ISO_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

/** The answer without cursors (their format is the server's own) and with dates as instants. */
export function comparable(value: unknown, key?: string): unknown {
  if (typeof value === 'string' && ISO_DATE.test(value)) return Date.parse(value);
  if (Array.isArray(value)) return value.map((item) => comparable(item));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => !(key === 'pageInfo' && k === 'endCursor')).map(([k, v]) => [k, comparable(v, k)]));
  }
  return value;
}

/** The first path where two values differ, with both values there. */
function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (isDeepStrictEqual(a, b)) return undefined;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const found = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
      if (found) return found;
    }
  }
  return `${path || '(root)'}: Portico ${JSON.stringify(a)?.slice(0, 400)} / baseline ${JSON.stringify(b)?.slice(0, 400)}`;
}

export interface Page {
  data: { tickets: { pageInfo: { hasNextPage: boolean }; edges: Array<{ node: { contact: { id: string } | null } }> } };
}

/** Both servers' answers for each token; throws with the first difference unless they are the same page. */
export async function samePage(porticoUrl: string, baselineUrl: string, body: string, tokens: readonly string[]): Promise<Page[]> {
  const agent = new Agent({ keepAlive: true });
  try {
    const pages: Page[] = [];
    for (const token of tokens) {
      const [portico, baseline] = await Promise.all([post(agent, porticoUrl, token, body), post(agent, baselineUrl, token, body)]);
      const [a, b] = [comparable(JSON.parse(portico)), comparable(JSON.parse(baseline))];
      const difference = firstDifference(a, b);
      if (difference) throw new Error(`not the same page for ${token} (${body.slice(0, 60)}…): ${difference}`);
      const page = JSON.parse(portico) as Page;
      if (page.data.tickets.edges.length === 0) throw new Error(`empty page for ${token}: nothing to compare`);
      pages.push(page);
    }
    return pages;
  } finally {
    agent.destroy();
  }
}
