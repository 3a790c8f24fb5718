/** The manifest is the one list of functions: files, routes and specs must agree with it. */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { routeSpecs } from '../../shared/api/index.ts';
import { functions, httpFunctions } from '../../shared/platform/manifest.ts';

const root = resolve(import.meta.dirname, '../..');
const handlerFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? handlerFiles(path) : name.endsWith('.ts') ? [relative(root, path)] : [];
  });

describe('manifest', () => {
  it('declares every handler file under functions/, and nothing that does not exist', () => {
    expect(functions.map((f) => f.entry).sort()).toEqual(handlerFiles(join(root, 'functions')).sort());
  });

  it('has unique names and unique routes', () => {
    expect(new Set(functions.map((f) => f.name)).size).toBe(functions.length);
    const routes = httpFunctions().map((f) => `${f.trigger.method} ${f.trigger.path}`);
    expect(new Set(routes).size).toBe(routes.length);
  });

  it('has exactly one route spec per HTTP function, by name', () => {
    expect(routeSpecs.map((s) => s.name).sort()).toEqual(
      httpFunctions()
        .map((f) => f.name)
        .sort(),
    );
  });

  it('gives each route spec the path parameters its route has', () => {
    const specs = new Map(routeSpecs.map((s) => [s.name, s]));
    for (const fn of httpFunctions()) {
      const inPath = [...fn.trigger.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const declared = Object.keys(
        (specs.get(fn.name)!.params as unknown as { shape?: object } | undefined)?.shape ?? {},
      );
      expect(declared.sort(), fn.name).toEqual(inPath.sort());
    }
  });

  it('exports a handler from every declared file', async () => {
    for (const fn of functions) {
      const mod = (await import(resolve(root, fn.entry))) as { handler?: unknown };
      expect(typeof mod.handler, fn.entry).toBe('function');
    }
  });

  it('gives every HTTP handler the route name, auth mode and scopes the manifest (and so API Gateway) has', async () => {
    for (const fn of httpFunctions()) {
      const mod = (await import(resolve(root, fn.entry))) as {
        handler: { route?: { name: string; auth: string; scopes?: string[] } };
      };
      expect(mod.handler.route, fn.entry).toEqual({
        name: fn.name,
        auth: fn.trigger.auth,
        ...(fn.trigger.scopes ? { scopes: fn.trigger.scopes } : {}),
      });
    }
  });
});
