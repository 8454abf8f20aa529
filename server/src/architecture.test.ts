import { cruise, type ICruiseOptions, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The import rules of .dependency-cruiser.cjs (composition root, ARCHITECTURE.md): plumbing (db/,
 * graphql/, pubsub/, queue/, core/) imports no feature, feature folders form no cycle, services and
 * core/ import no GraphQL. Run through dependency-cruiser's API so `npm test` fails on a violation.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');

async function violations(baseDir: string, options: ICruiseOptions, tsConfig?: string): Promise<{ result: ICruiseResult; found: string[] }> {
  const transpile = tsConfig ? { tsConfig: extractTSConfig(join(baseDir, tsConfig)) } : undefined;
  const { output } = await cruise(['server/src'], { ...options, baseDir, validate: true }, undefined, transpile);
  const result = output as ICruiseResult;
  return { result, found: result.summary.violations.map(describeViolation).sort() };
}

function describeViolation(v: IViolation): string {
  const cycle = v.cycle?.length ? ` (cycle: ${[v.from, ...v.cycle.map((step) => step.name)].join(' -> ')})` : '';
  return `${v.rule.name}: ${v.from} -> ${v.to}${cycle}`;
}

describe('architecture', () => {
  const fixtures: string[] = [];
  afterAll(() => fixtures.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('server/src keeps the import rules', async () => {
    const options = await extractDepcruiseOptions(CONFIG);
    const { result, found } = await violations(ROOT, options, 'tsconfig.json');
    // The cruise really saw the code (TypeScript's .js specifiers resolved to the .ts files).
    expect(result.summary.totalCruised).toBeGreaterThan(150);
    expect(result.modules.some((m) => m.source === 'server/src/composition.ts' && m.dependencies.some((d) => d.resolved === 'server/src/tickets/ticket.resolver.ts'))).toBe(true);
    expect(found, `dependency rule violations (see .dependency-cruiser.cjs):\n${found.join('\n')}`).toEqual([]);
  });

  it('the rules catch plumbing importing a feature, folder cycles and GraphQL in a service, not cycles inside a folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portico-architecture-'));
    fixtures.push(dir);
    const files: Record<string, string> = {
      'server/src/graphql/edge.ts': `import { t } from '../tickets/ticket';\nexport const e = t;\n`,
      'server/src/core/errors.ts': `import { e } from '../graphql/edge';\nexport const c = e;\n`,
      'server/src/tickets/ticket.ts': `import { m } from '../mail/mail';\nimport { b } from './b';\nexport const t = m + b;\n`,
      'server/src/tickets/b.ts': `import { t } from './ticket';\nexport const b = 1; export const u = () => t;\n`,
      'server/src/tickets/ticket.service.ts': `import { e } from '../graphql/edge';\nexport const s = e;\n`,
      'server/src/mail/mail.ts': `import { u } from '../tickets/b';\nexport const m = 1; export const v = u;\n`,
      'server/src/customers/customer.ts': `import { c } from '../core/errors';\nexport const x = c;\n`,
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const { tsConfig: _project, ...options } = await extractDepcruiseOptions(CONFIG);
    const { found } = await violations(dir, options);
    expect(found.map((line) => line.replace(/ \(cycle: .*\)$/, ''))).toEqual([
      'errors-and-services-transport-neutral: server/src/core/errors.ts -> server/src/graphql/edge.ts',
      'errors-and-services-transport-neutral: server/src/tickets/ticket.service.ts -> server/src/graphql/edge.ts',
      'no-feature-folder-cycles: server/src/mail -> server/src/tickets',
      'no-feature-folder-cycles: server/src/tickets -> server/src/mail',
      'plumbing-imports-no-feature: server/src/graphql/edge.ts -> server/src/tickets/ticket.ts',
    ]);
  });
});
