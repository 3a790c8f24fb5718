/**
 * The layers, held by their imports (see README, "How it is built"): a change that makes a layer reach into one it
 * must not fails here, naming the file and the import.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every module a file imports (static, dynamic and type-only), as a repository path or a package name. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const specs = [
    ...text.matchAll(
      /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm,
    ),
  ].map((m) => (m[1] ?? m[2] ?? m[3])!);
  return specs.map((s) => {
    if (s.startsWith('#shared/')) return `shared/${s.slice(8)}.ts`;
    if (s.startsWith('#infra/')) return `infra/${s.slice(7)}.ts`;
    if (s.startsWith('.')) return relative(root, normalize(join(root, dirname(file), s)));
    return s;
  });
}

const files = [...sourceFiles('functions'), ...sourceFiles('shared')];
const edges = files.flatMap((from) => importsOf(from).map((to) => ({ from, to })));
const within = (path: string, ...dirs: string[]) => dirs.some((d) => path.startsWith(`${d}/`));

/** [the importing layer, what it must never import, why] */
const forbidden: [string[], (to: string, from: string) => boolean, string][] = [
  [
    ['shared/domain'],
    (to) =>
      within(to, 'shared/store', 'shared/auth', 'shared/http', 'shared/app', 'shared/api', 'infra') ||
      to.startsWith('@aws-sdk/'),
    'domain rules are pure: no storage, access, HTTP, use cases or AWS',
  ],
  [
    ['shared/store'],
    (to) => within(to, 'shared/auth', 'shared/http', 'shared/app', 'shared/api'),
    'repositories only store: no access decisions, HTTP or use cases',
  ],
  [
    ['shared/auth'],
    (to) => within(to, 'shared/store', 'shared/http', 'shared/app', 'shared/api'),
    'the policy is pure: the use cases load the facts it needs',
  ],
  [
    ['shared/messages'],
    (to) => within(to, 'shared', 'functions', 'infra') && !within(to, 'shared/messages'),
    'errors and messages depend on nothing of ours',
  ],
  [
    ['shared/platform'],
    (to) => within(to, 'shared', 'functions', 'infra') && !within(to, 'shared/platform'),
    'the manifest and tables are declarations, read by everyone',
  ],
  [['shared/app'], (to) => within(to, 'shared/http', 'functions'), 'use cases know nothing of HTTP'],
  [['functions', 'shared'], (to) => within(to, 'infra'), 'runtime code never depends on the infrastructure folder'],
  [['functions'], (to, from) => within(to, 'functions') && to !== from, 'a handler never imports another handler'],
  [
    ['functions'],
    (to) => within(to, 'shared/store', 'shared/domain', 'shared/auth', 'shared/platform'),
    'handlers reach storage, rules and the policy only through a use case',
  ],
  [
    ['shared/app'],
    (to) => within(to, 'shared/api') && to !== 'shared/api/schemas.ts',
    'use cases may share the request schemas (CSV rows are checked like a create), never the route specs',
  ],
];

describe('layers', () => {
  it('sees the imports it checks', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(edges.some((e) => e.from === 'shared/http/handler.ts' && e.to === 'shared/messages/errors.ts')).toBe(true);
  });

  it.each(forbidden.map(([layers, test, why]) => ({ layers, test, why, name: layers.join(', ') })))(
    '$name: $why',
    ({ layers, test }) => {
      const broken = edges
        .filter((e) => within(e.from, ...layers) && test(e.to, e.from))
        .map((e) => `${e.from} → ${e.to}`);
      expect(broken).toEqual([]);
    },
  );

  it('finds a forbidden import when there is one', () => {
    const [, domainRule] = forbidden[0]!;
    expect(domainRule('shared/store/org-scope.ts', 'shared/domain/x.ts')).toBe(true);
    expect(domainRule('shared/messages/errors.ts', 'shared/domain/x.ts')).toBe(false);
  });

  it('keeps every handler thin: parse, call a use case, reply (≤ 25 lines besides imports)', () => {
    const long = sourceFiles('functions')
      .map((f) => {
        const code = readFileSync(join(root, f), 'utf8').replace(/^import[\s\S]*?from\s*'[^']+';$/gm, '');
        return { f, n: code.split('\n').filter((l) => l.trim() !== '').length };
      })
      .filter(({ n }) => n > 25)
      .map(({ f, n }) => `${f}: ${n} lines`);
    expect(long).toEqual([]);
  });
});
