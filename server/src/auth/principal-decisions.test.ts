import { readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The rule of the caller model (docs/ARCHITECTURE.md, auth/principal.ts): decisions on the kind of
 * principal live in auth/principal.ts and the feature policies (`*.policy.ts`) only. This test
 * reads the server's source with the type checker and finds
 *  - every `.kind` read (property access or destructuring) on a value typed as the `Principal`
 *    union or one of its members (the property is declared in auth/principal.ts), and
 *  - every object literal `{ kind: 'contact' | 'technician' | 'anonymous' | 'apiKey' | 'device', … }`
 *    typed as a Principal (a principal made up outside the module that resolves principals).
 * session.service.ts builds principals from the session rows and may do so.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const SERVER_SRC = join(ROOT, 'server/src');
const PRINCIPAL_MODULE = '/server/src/auth/principal.ts';
const PRINCIPAL_KINDS = new Set(['contact', 'technician', 'anonymous', 'apiKey', 'device']);
/** Files that may decide on the kind, besides `*.policy.ts`. */
const ALLOWED = new Set(['server/src/auth/principal.ts', 'server/src/auth/session.service.ts']);

interface Decision {
  file: string;
  line: number;
  what: 'reads .kind' | 'builds a principal';
  text: string;
}

const normal = (path: string) => path.replace(/\\/g, '/');
const isPrincipalModule = (file: ts.SourceFile | undefined) => !!file && normal(file.fileName).endsWith(PRINCIPAL_MODULE);

/** True when a `kind` property symbol (of a type or a union) is declared in auth/principal.ts. */
function declaredInPrincipal(symbol: ts.Symbol | undefined): boolean {
  return !!symbol?.declarations?.some((d) => isPrincipalModule(d.getSourceFile()));
}

/** True when the type (or a member of a union it is) has a `kind` declared in auth/principal.ts. */
function isPrincipalType(checker: ts.TypeChecker, type: ts.Type | undefined): boolean {
  if (!type) return false;
  const members = type.isUnion() ? type.types : [type];
  return members.some((member) => declaredInPrincipal(checker.getPropertyOfType(checker.getApparentType(member), 'kind')));
}

/** Every decision on a principal's kind in the given source files. */
function findDecisions(program: ts.Program, files: readonly ts.SourceFile[], root: string): Decision[] {
  const checker = program.getTypeChecker();
  const found: Decision[] = [];
  let principalType: ts.Type | undefined;
  const principalModule = program.getSourceFiles().find(isPrincipalModule);
  if (principalModule) {
    const moduleSymbol = checker.getSymbolAtLocation(principalModule);
    const alias = moduleSymbol && checker.getExportsOfModule(moduleSymbol).find((s) => s.name === 'Principal');
    if (alias) principalType = checker.getDeclaredTypeOfSymbol(alias);
  }

  for (const file of files) {
    const record = (node: ts.Node, what: Decision['what']) => {
      const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
      found.push({ file: normal(relative(root, file.fileName)), line: line + 1, what, text: node.getText(file).replace(/\s+/g, ' ').slice(0, 100) });
    };
    const visit = (node: ts.Node): void => {
      // principal.kind, p?.kind, (ctx.principal).kind …
      if (ts.isPropertyAccessExpression(node) && node.name.text === 'kind') {
        if (declaredInPrincipal(checker.getSymbolAtLocation(node.name)) || isPrincipalType(checker, checker.getTypeAtLocation(node.expression))) record(node, 'reads .kind');
      }
      // principal['kind']
      if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression) && node.argumentExpression.text === 'kind') {
        if (isPrincipalType(checker, checker.getTypeAtLocation(node.expression))) record(node, 'reads .kind');
      }
      // const { kind } = principal
      if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) {
        const key = node.propertyName ?? node.name;
        if ((ts.isIdentifier(key) || ts.isStringLiteral(key)) && key.text === 'kind' && isPrincipalType(checker, checker.getTypeAtLocation(node.parent))) record(node, 'reads .kind');
      }
      // { kind: 'contact', … } typed as a Principal
      if (ts.isObjectLiteralExpression(node)) {
        const kind = node.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === 'kind');
        if (kind && ts.isStringLiteralLike(kind.initializer) && PRINCIPAL_KINDS.has(kind.initializer.text)) {
          const contextual = checker.getContextualType(node);
          const own = checker.getTypeAtLocation(node);
          if (isPrincipalType(checker, contextual) || (principalType && checker.isTypeAssignableTo(own, principalType))) record(node, 'builds a principal');
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return found;
}

/** The server's own source: server/src without tests and test helpers. */
function serverSourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test' || entry.name === 'node_modules' ? [] : serverSourceFiles(path);
    return /\.ts$/.test(entry.name) && !/\.(test|d)\.ts$/.test(entry.name) ? [path] : [];
  });
}

function compilerOptions(): ts.CompilerOptions {
  const parsed = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error('tsconfig.json could not be read');
  return { ...parsed.options, noEmit: true };
}

const isAllowed = (file: string) => ALLOWED.has(file) || file.endsWith('.policy.ts');

describe('decisions on the kind of principal', () => {
  it('finds .kind reads and principal literals (the detector works)', () => {
    const files: Record<string, string> = {
      '/v/server/src/auth/principal.ts': `
        export type Principal = { kind: 'anonymous' } | { kind: 'contact'; id: string } | { kind: 'technician'; id: string; role: string };
        export type ContactPrincipal = Extract<Principal, { kind: 'contact' }>;
        export const isStaff = (p: Principal) => p.kind === 'technician';`,
      '/v/server/src/x/x.service.ts': `
        import { type Principal, type ContactPrincipal, isStaff } from '../../auth/principal.js';
        type Shape = { kind: 'circle' };
        export function f(p: Principal, c: ContactPrincipal, s: Shape, ctx: { principal: Principal }) {
          if (p.kind === 'contact') return 1;
          const { kind } = ctx.principal;
          if (c['kind']) return kind;
          if (isStaff(p)) return s.kind;
          const made: Principal = { kind: 'contact', id: 'x' };
          const other = { kind: 'contact', label: 'not a principal' };
          return [made, other, ctx.principal.kind];
        }
        export const g = (): Principal => ({ kind: 'anonymous' });`,
    };
    const host = ts.createCompilerHost({});
    const original = { getSourceFile: host.getSourceFile, fileExists: host.fileExists, readFile: host.readFile };
    host.getSourceFile = (name, version) => (files[name] !== undefined ? ts.createSourceFile(name, files[name], version, true) : original.getSourceFile(name, version));
    host.fileExists = (name) => files[name] !== undefined || original.fileExists(name);
    host.readFile = (name) => files[name] ?? original.readFile(name);
    host.resolveModuleNames = (names) => names.map((n) => (n === '../../auth/principal.js' ? { resolvedFileName: '/v/server/src/auth/principal.ts', extension: ts.Extension.Ts } : undefined));
    const program = ts.createProgram(Object.keys(files), { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, types: [] }, host);
    const found = findDecisions(program, [program.getSourceFile('/v/server/src/x/x.service.ts')!], '/v');
    expect(found.map((d) => `${d.line} ${d.what}: ${d.text}`)).toEqual([
      "5 reads .kind: p.kind",
      '6 reads .kind: kind',
      "7 reads .kind: c['kind']",
      "9 builds a principal: { kind: 'contact', id: 'x' }",
      '11 reads .kind: ctx.principal.kind',
      "13 builds a principal: { kind: 'anonymous' }",
    ]);
  });

  it('are made only in auth/principal.ts and the feature policies', () => {
    const roots = serverSourceFiles(SERVER_SRC);
    const program = ts.createProgram(roots, compilerOptions());
    const files = roots.map((path) => program.getSourceFile(path)).filter((f): f is ts.SourceFile => !!f);
    expect(files.length).toBe(roots.length);
    const decisions = findDecisions(program, files, ROOT);

    const perFile = new Map<string, number>();
    for (const d of decisions) perFile.set(d.file, (perFile.get(d.file) ?? 0) + 1);
    console.log(`Decisions on the principal's kind in ${files.length} server files:\n` +
      [...perFile].sort(([a], [b]) => a.localeCompare(b)).map(([file, n]) => `  ${String(n).padStart(3)}  ${file}${isAllowed(file) ? '' : '   <- not allowed here'}`).join('\n'));

    // The module that defines principals must be seen, or the detector has nothing to go by.
    expect(perFile.get('server/src/auth/principal.ts') ?? 0, 'auth/principal.ts decides on kind: the detector sees it').toBeGreaterThan(0);
    const offenders = decisions.filter((d) => !isAllowed(d.file)).map((d) => `${d.file}:${d.line}  ${d.what}  ${d.text}`);
    expect(offenders, 'Move these decisions into auth/principal.ts or the feature policy (*.policy.ts):\n' + offenders.join('\n')).toEqual([]);
  }, 120_000);
});
