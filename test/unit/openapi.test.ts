import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Validator } from '@seriousme/openapi-schema-validator';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { bundling, prebuiltFiles } from '../../infra/bundling.ts';
import { buildOpenApi } from '../../shared/api/openapi.ts';
import { functions, httpFunctions } from '../../shared/platform/manifest.ts';

const doc = buildOpenApi() as { openapi: string; paths: Record<string, Record<string, any>> };

describe('OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
  });

  it.each(httpFunctions().map((f) => [`${f.trigger.method} ${f.trigger.path}`, f] as const))(
    'documents %s',
    (_route, fn) => {
      const op = doc.paths[fn.trigger.path]?.[fn.trigger.method.toLowerCase()];
      expect(op?.operationId).toBe(fn.name);
      if (fn.trigger.auth === 'public') expect(op.security).toEqual([]);
      else {
        expect(op.security.length).toBeGreaterThan(0);
        expect(op.responses['401']).toBeDefined();
        expect(op.responses['403']).toBeDefined();
      }
    },
  );

  it('derives request schemas from the validating zod schemas', () => {
    const create = doc.paths['/employees']!.post;
    const schema = create.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(expect.arrayContaining(['nip', 'name', 'position', 'employmentType', 'unitCode']));
    expect(schema.properties.employmentType.enum).toEqual(['PNS', 'PPPK']);
    expect(create.requestBody.content['application/json'].example.nip).toMatch(/^\d{18}$/);
    expect(doc.paths['/employees/import']!.post.requestBody.content['text/csv']).toBeDefined();
  });
});

describe('the deployed /openapi.json and /docs', () => {
  const event = (path: string) => ({
    rawPath: path,
    headers: {},
    requestContext: { requestId: 'r-1', http: { method: 'GET', path } },
  });
  const context = { functionName: 'f', awsRequestId: 'r-1', getRemainingTimeInMillis: () => 1000 };
  type Handler = (
    e: unknown,
    c: unknown,
  ) => Promise<{ statusCode: number; headers: Record<string, string>; body: string }>;

  it.each(['get-openapi', 'get-docs'])(
    '%s answers from the files built with its bundle exactly as it does from source',
    async (name) => {
      const fn = functions.find((f) => f.name === name)!;
      const dir = mkdtempSync(join(tmpdir(), `${name}-`));
      const file = join(dir, 'index.mjs');
      await build({
        entryPoints: [resolve(import.meta.dirname, '../..', fn.entry)],
        bundle: true,
        outfile: file,
        logLevel: 'error',
        ...bundling,
        banner: { js: bundling.banner },
      });
      for (const [fileName, make] of Object.entries(prebuiltFiles[name]!)) writeFileSync(join(dir, fileName), make());
      const deployed = (await import(pathToFileURL(file).href)).handler as Handler;
      const fromSource = (await import(`../../${fn.entry}`)).handler as Handler;
      const [a, b] = [await deployed(event('/x'), context), await fromSource(event('/x'), context)];
      expect(a.statusCode).toBe(200);
      expect(a).toEqual(b);
    },
    60_000,
  );
});
