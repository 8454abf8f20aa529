import { Agent, request } from 'node:http';

export interface Load {
  requests: number;
  seconds: number;
  /** Milliseconds per request, from sending to the last byte of the answer. */
  latencies: number[];
}

/** POSTs `body` to `<url>/graphql` with a Bearer token, the answer as text; throws unless 200 without errors. */
export function post(agent: Agent, url: string, token: string, body: string): Promise<string> {
  const target = new URL('/graphql', url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          // Titles and bodies of the dataset never contain "errors" (dataset.ts).
          if (res.statusCode !== 200 || text.includes('"errors"')) reject(new Error(`${url}: ${res.statusCode} ${text.slice(0, 500)}`));
          else resolve(text);
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.setTimeout(60_000, () => req.destroy(new Error(`${url}: no answer in 60 s`)));
    req.end(body);
  });
}

/**
 * `concurrency` clients, each sending its next request when the last answer has arrived, over
 * keep-alive connections, rotating over `tokens`, for `seconds`.
 */
export async function runLoad(url: string, body: string, tokens: readonly string[], seconds: number, concurrency: number): Promise<Load> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let next = 0;
  const begin = performance.now();
  const end = begin + seconds * 1000;
  try {
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const token = tokens[next++ % tokens.length]!;
        const sent = performance.now();
        await post(agent, url, token, body);
        latencies.push(performance.now() - sent);
      }
    }));
  } finally {
    agent.destroy();
  }
  return { requests: latencies.length, seconds: (performance.now() - begin) / 1000, latencies };
}
