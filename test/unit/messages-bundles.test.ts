/**
 * A deployed HTTP function carries only the common messages and those its route spec hands over
 * (shared/messages/catalogue.ts). Here every HTTP function is bundled as it is deployed (infra/bundling.ts), and
 * each message code written in the source files of its bundle must be in the messages that bundle carries.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundling } from '../../infra/bundling.ts';
import { routeSpecs } from '../../shared/api/index.ts';
import { allMessages } from '../../shared/messages/all.ts';
import { commonMessages } from '../../shared/messages/common.ts';
import { httpFunctions } from '../../shared/platform/manifest.ts';

const root = resolve(import.meta.dirname, '../..');
const codes = new Set(Object.keys(allMessages));
const specs = new Map(routeSpecs.map((s) => [s.name, s]));
const fns = httpFunctions();

/** Every quoted word in our own source files of a bundle that is a message code. */
function codesIn(inputs: string[]): Set<string> {
  const found = new Set<string>();
  for (const file of inputs.filter((f) => !f.startsWith('node_modules/') && !f.startsWith('shared/messages/'))) {
    for (const [, word] of readFileSync(resolve(root, file), 'utf8').matchAll(/['"`]([a-z0-9_]+)['"`]/g))
      if (codes.has(word!)) found.add(word!);
  }
  return found;
}

let outputs: Metafile['outputs'];
beforeAll(async () => {
  // One build of all entries: each output lists the inputs of that function's bundle.
  const result = await build({
    entryPoints: Object.fromEntries(fns.map((fn) => [fn.name, resolve(root, fn.entry)])),
    bundle: true,
    write: false,
    outdir: '/tmp/messages-bundles',
    metafile: true,
    logLevel: 'error',
    ...bundling,
    banner: { js: bundling.banner },
  });
  outputs = result.metafile.outputs;
}, 120_000);

describe.each(fns.map((fn) => [fn.name]))('%s', (name) => {
  const inputsOf = () => Object.keys(Object.entries(outputs).find(([out]) => out.endsWith(`/${name}.js`))![1].inputs);

  it('carries the message of every code its code can throw or render', () => {
    const carried = new Set([...Object.keys(commonMessages), ...Object.keys(specs.get(name)!.messages ?? {})]);
    expect([...codesIn(inputsOf())].filter((c) => !carried.has(c))).toEqual([]);
  });

  it('does not carry the whole catalogue', () => {
    expect(inputsOf()).not.toContain('shared/messages/all.ts');
  });
});
