/**
 * The OpenAPI 3.1 document, generated from the manifest (method, path, auth) and the route specs (the very
 * zod schemas that validate requests). JSON Schema 2020-12 is OpenAPI 3.1's own schema dialect.
 */
import * as z from 'zod/mini';
import { apiScopes, httpFunctions } from '#shared/platform/manifest';
import { routeSpecs } from './index.ts';
import type { RouteSpec } from './route.ts';
import { errorBody } from './schemas.ts';

type Json = Record<string, unknown>;

const schemaOf = (s: z.ZodMiniType, io: 'input' | 'output'): Json => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  }) as Json;
  return rest;
};

const errorDescriptions: Record<number, string> = {
  400: 'Permintaan tidak sah / bad request (validation_failed, invalid_json, invalid_cursor)',
  401: 'Token tidak ada, kedaluwarsa atau palsu / missing, expired or forged token',
  403: 'Tidak berwenang, atau akun belum terdaftar/aktif sebagai pegawai / not allowed, or not a registered active employee',
  404: 'Tidak ditemukan di organisasi Anda / not found in your organisation',
  409: 'Konflik: versi berubah atau data sudah ada / conflict: stale version or already exists',
  410: 'Kedaluwarsa / expired (a survey link past its validity)',
  415: 'Jenis isi tidak didukung / unsupported content type',
  422: 'Melanggar aturan / breaks a business rule (code says which)',
};

function parameters(spec: RouteSpec, where: 'path' | 'query'): Json[] {
  const s = where === 'path' ? spec.params : spec.query;
  if (!s) return [];
  const json = schemaOf(s, 'input') as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
    schema,
  }));
}

export function buildOpenApi(): Json {
  const specs = new Map(routeSpecs.map((s) => [s.name, s]));
  const paths: Record<string, Record<string, Json>> = {};
  for (const fn of httpFunctions()) {
    const spec = specs.get(fn.name);
    if (!spec) throw new Error(`no route spec for ${fn.name}`);
    const { method, path, auth, scopes } = fn.trigger;
    const responses: Record<string, Json> = {};
    for (const [status, doc] of Object.entries(spec.responses)) {
      const contentType = doc.contentType ?? 'application/json';
      responses[status] = {
        description: doc.description,
        ...(doc.schema || contentType !== 'application/json'
          ? {
              content: {
                [contentType]: doc.schema ? { schema: schemaOf(doc.schema, 'output') } : { schema: { type: 'string' } },
              },
            }
          : {}),
      };
    }
    // Every protected route can refuse a bad token (401) and an unregistered or inactive person (403).
    const statuses = [...new Set([...spec.errors, ...(auth === 'public' ? [] : [401, 403])])].sort();
    for (const status of statuses) {
      responses[String(status)] = {
        description: errorDescriptions[status],
        content:
          spec.errorsAs === 'html'
            ? { 'text/html': { schema: { type: 'string' } } }
            : { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
    }
    const body =
      spec.bodyType === 'csv'
        ? {
            required: true,
            content: {
              'text/csv': { schema: { type: 'string' }, ...(spec.bodyExample ? { example: spec.bodyExample } : {}) },
            },
          }
        : spec.bodyType === 'form' && spec.body
          ? {
              required: true,
              content: { 'application/x-www-form-urlencoded': { schema: schemaOf(spec.body, 'input') } },
            }
          : spec.body
            ? {
                required: true,
                content: {
                  'application/json': {
                    schema: schemaOf(spec.body, 'input'),
                    ...(spec.bodyExample ? { example: spec.bodyExample } : {}),
                  },
                },
              }
            : undefined;
    (paths[path] ??= {})[method.toLowerCase()] = {
      operationId: fn.name,
      tags: [spec.tag],
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
      parameters: [
        ...parameters(spec, 'path'),
        ...parameters(spec, 'query'),
        { $ref: '#/components/parameters/AcceptLanguage' },
      ],
      ...(body ? { requestBody: body } : {}),
      responses,
      security:
        auth === 'public'
          ? []
          : auth === 'machine'
            ? [{ machineClient: (scopes ?? []).map((s) => `kinerja-api/${s}`) }]
            : auth === 'any'
              ? [{ userToken: [] }, { machineClient: [] }]
              : [{ userToken: [] }],
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'kinerja-asn API',
      version: '0.1.0',
      description:
        'Manajemen kinerja ASN (SKP, aktivitas harian, penilaian). Pesan galat dalam Bahasa Indonesia; kirim `Accept-Language: en` untuk bahasa Inggris. ' +
        'Every error is `{ error: { code, message, details } }`.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: {
        userToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'ID token of a person, from the user pool (locally: `npm run token -- <nip>`).',
        },
        machineClient: {
          type: 'oauth2',
          description: 'Client-credentials access token of an agency system.',
          flows: {
            clientCredentials: {
              tokenUrl: '/oauth2/token',
              scopes: Object.fromEntries(Object.entries(apiScopes).map(([k, v]) => [`kinerja-api/${k}`, v])),
            },
          },
        },
      },
      parameters: {
        AcceptLanguage: {
          name: 'Accept-Language',
          in: 'header',
          required: false,
          schema: { type: 'string', examples: ['id', 'en'] },
          description: 'id (default) or en',
        },
      },
      schemas: { Error: schemaOf(errorBody, 'output') },
    },
  };
}
