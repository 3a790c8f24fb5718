import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Validator } from '@seriousme/openapi-schema-validator';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { bundling, prebuiltFiles } from '../../infra/bundling.ts';
import { openApiDocument, tokenUrlPlaceholder } from '../../shared/api/documents.ts';
import { routeSpecs } from '../../shared/api/index.ts';
import { buildOpenApi } from '../../shared/api/openapi.ts';
import { functions, httpFunctions } from '../../shared/platform/manifest.ts';

const doc = buildOpenApi() as { openapi: string; paths: Record<string, Record<string, any>> };

describe('OpenAPI document', () => {
  it('types every JSON body, so a generated client has no untyped request or response', () => {
    const components = (doc as unknown as { components: { schemas: Record<string, any> } }).components.schemas;
    const resolve = (s: any): any => (s?.$ref ? components[s.$ref.split('/').pop()] : s);
    const untyped = (schema: any): boolean => {
      const s = resolve(schema);
      if (!s) return true;
      if (s.anyOf || s.oneOf || s.allOf || s.enum || s.const !== undefined) return false;
      if (s.type === 'object') return !s.properties && !s.additionalProperties?.type && !s.additionalProperties?.$ref;
      if (s.type === 'array') return untyped(s.items);
      return !s.type;
    };
    const found: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops)) {
        const request = op.requestBody?.content?.['application/json']?.schema;
        if (request && untyped(request)) found.push(`${method} ${path} request`);
        for (const [status, response] of Object.entries<any>(op.responses)) {
          const body = response.content?.['application/json']?.schema;
          if (body && untyped(body)) found.push(`${method} ${path} ${status}`);
          if (!response.content && status.startsWith('2') && status !== '204')
            found.push(`${method} ${path} ${status}`);
        }
      }
    expect(found).toEqual([]);
    expect(untyped({ type: 'object' })).toBe(true);
  });

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

describe('what the document promises every client', () => {
  const d = doc as any;
  const operations = Object.values(d.paths).flatMap((ops: any) => Object.values(ops)) as any[];

  it('declares every tag it uses, with a description, and names contact and licence', () => {
    const declared = new Map(d.tags.map((t: any) => [t.name, t.description]));
    for (const op of operations) expect(declared.get(op.tags[0])).toMatch(/ \/ /);
    expect(d.info.license.identifier).toBe('Apache-2.0');
    expect(d.info.contact.name).toBeTruthy();
  });

  it('gives every operation a description, 429 and 500, and x-correlation-id on every response', () => {
    for (const op of operations) {
      expect(op.description, op.operationId).toBeTruthy();
      expect(op.responses['429'].content['application/json'].schema.$ref).toBe('#/components/schemas/Error');
      // Pages for people (the survey) answer their own failures as HTML.
      expect(Object.keys(op.responses['500'].content)).toEqual([
        routeSpecs.find((spec) => spec.name === op.operationId)?.errorsAs === 'html' ? 'text/html' : 'application/json',
      ]);
      for (const response of Object.values(op.responses) as any[])
        expect(response.headers['x-correlation-id'].$ref).toBe('#/components/headers/CorrelationId');
    }
  });

  it('names response schemas and references them', () => {
    expect(Object.keys(d.components.schemas)).toEqual(expect.arrayContaining(['Error', 'Activity']));
    expect(JSON.stringify(d)).not.toContain('#/$defs/');
  });

  it('documents Idempotency-Key and the replayed 200 with idempotent-replay', () => {
    const create = d.paths['/employees/{nip}/activities'].post;
    expect(create.parameters).toContainEqual({ $ref: '#/components/parameters/IdempotencyKey' });
    expect(create.responses['200'].headers['idempotent-replay'].$ref).toBe('#/components/headers/IdempotentReplay');
    expect(d.paths['/units'].post.responses['200'].headers['idempotent-replay']).toBeDefined();
    expect(d.paths['/units'].get.responses['200'].headers['idempotent-replay']).toBeUndefined();
  });

  it('documents the CSV answer of format=csv with its content-disposition', () => {
    const rewards = operations.find((op) => op.operationId === 'get-unit-rewards');
    expect(rewards.responses['200'].content['text/csv']).toBeDefined();
    expect(rewards.responses['200'].headers['content-disposition']).toBeDefined();
  });

  it("serves an absolute token URL: the deployment's TOKEN_URL", async () => {
    const flow = (x: any) => x.components.securitySchemes.machineClient.flows.clientCredentials.tokenUrl;
    expect(flow(d)).toBe(tokenUrlPlaceholder);
    const served = openApiDocument();
    const before = process.env.TOKEN_URL;
    process.env.TOKEN_URL = 'https://kinerja.auth.ap-southeast-3.amazoncognito.com/oauth2/token';
    try {
      expect(flow(await served())).toBe(process.env.TOKEN_URL);
    } finally {
      if (before === undefined) delete process.env.TOKEN_URL;
      else process.env.TOKEN_URL = before;
    }
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
