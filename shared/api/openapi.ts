/**
 * The OpenAPI 3.1 document, generated from the manifest (method, path, auth) and the route specs (the very
 * zod schemas that validate requests). JSON Schema 2020-12 is OpenAPI 3.1's own schema dialect.
 * Schemas named with `.meta({ id })` become `components.schemas` and are referenced by `$ref`.
 */
import * as z from 'zod/mini';
import { apiScopes, httpFunctions } from '#shared/platform/manifest';
import { tokenUrlPlaceholder } from './documents.ts';
import { routeSpecs } from './index.ts';
import type { ResponseDoc, RouteDocs, RouteSpec } from './route.ts';
import { errorBody } from './schemas.ts';

type Json = Record<string, unknown>;

export interface OpenApiOptions {
  /** Absolute URL of the client-credentials token endpoint; without it, a placeholder the served document fills. */
  tokenUrl?: string;
  /** Base URL of the API; without it, the host that served the document. */
  serverUrl?: string;
}

const tagDescriptions: Record<string, string> = {
  Sistem: 'Status layanan dan dokumentasi API / service status and API documentation',
  Pegawai: 'Data pegawai, impor, dan penugasan Plt/Plh / employees, imports and acting assignments',
  Organisasi: 'Unit organisasi dan pegawainya / organisation units and their employees',
  Hierarki: 'Atasan, bawahan, dan rantai pejabat penilai / supervisors, subordinates and the chain of raters',
  'Jejak audit': 'Riwayat perubahan data / the history of changes to records',
  Periode: 'Tahun kinerja, periode, dan aturan penilaian / performance years, periods and rating rules',
  SKP: 'Sasaran Kinerja Pegawai: rencana, RHK, dan indikator / performance plans, results and indicators',
  Aktivitas: 'Aktivitas harian pegawai / daily activity log',
  Verifikasi: 'Verifikasi aktivitas oleh atasan / supervisors verifying activities',
  Layanan: 'Layanan publik, jam layanan, dan transaksi / public services, service hours and transactions',
  Survei: 'Survei kepuasan masyarakat (SKM) / public satisfaction surveys',
  Penilaian: 'Penilaian kinerja, predikat, dan tunjangan / performance ratings, predikat and rewards',
  'Umpan balik': 'Umpan balik, tindak lanjut, dan keberatan / feedback, follow-ups and appeals',
  Notifikasi: 'Pemberitahuan untuk pegawai / notices for employees',
  Dokumen: 'Dokumen cetak (PDF) dan verifikasinya / printed documents (PDF) and their verification',
};

const errorDescriptions: Record<number, string> = {
  400: 'Permintaan tidak sah / bad request (validation_failed, invalid_json, invalid_cursor)',
  401: 'Token tidak ada, kedaluwarsa atau palsu / missing, expired or forged token',
  403: 'Tidak berwenang, atau akun belum terdaftar/aktif sebagai pegawai / not allowed, or not a registered active employee',
  404: 'Tidak ditemukan di organisasi Anda / not found in your organisation',
  409: 'Konflik: versi berubah atau data sudah ada / conflict: stale version or already exists',
  410: 'Kedaluwarsa / expired (a survey link past its validity)',
  413: 'Isi permintaan terlalu besar / payload too large',
  415: 'Jenis isi tidak didukung / unsupported content type',
  422: 'Melanggar aturan / breaks a business rule (code says which)',
  429: 'Terlalu banyak permintaan, coba lagi nanti / too many requests, retry later',
  500: 'Galat internal; sebutkan x-correlation-id saat melapor / internal error; quote x-correlation-id when reporting',
};

const ref = (kind: string, name: string) => ({ $ref: `#/components/${kind}/${name}` });

const correlationHeader = { 'x-correlation-id': ref('headers', 'CorrelationId') };

const isPlainObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Rewrites `$ref`s to `#/$defs/<id>` into references to the named component schemas, and spells out the keys of a
 * record over an enum (zod gives `required` and `propertyNames` only; a linter wants each required key a property).
 */
function rewriteRefs(value: unknown, names: Map<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, names));
  if (!isPlainObject(value)) return value;
  const values = value.additionalProperties;
  const schema =
    Array.isArray(value.required) && !value.properties && isPlainObject(values)
      ? { ...value, properties: Object.fromEntries(value.required.map((key) => [String(key), values])) }
      : value;
  return Object.fromEntries(
    Object.entries(schema).map(([k, v]) => {
      if (k !== '$ref' || typeof v !== 'string' || !v.startsWith('#/$defs/')) return [k, rewriteRefs(v, names)];
      const id = v.slice('#/$defs/'.length);
      return [k, `#/components/schemas/${names.get(id) ?? id}`];
    }),
  );
}

/**
 * The named schemas of the document. A schema converts differently as a request (input: defaults optional) and
 * as a response (output: closed objects); when both are needed, the request one is named `<id>Input`.
 */
class ComponentSchemas {
  readonly schemas: Record<string, Json> = {};
  private readonly owners = new Map<string, unknown>();

  /**
   * zod's metadata, except that only the schema an id was given to carries it: `z.extend(named, …)` copies the
   * naming check, and an extension named like its base would be a second, different `Activity`. An id given with
   * `.check(z.meta({ id }))` sits on a derived schema (it has a parent); a copied one on a fresh clone.
   */
  private readonly metadata = {
    get: (schema: z.core.$ZodType) => {
      const meta = z.globalRegistry.get(schema);
      if (typeof meta?.id !== 'string') return meta;
      const { id, ...rest } = meta;
      if (!schema._zod.parent) return Object.keys(rest).length ? rest : undefined;
      const owner = this.owners.get(id) ?? this.owners.set(id, schema).get(id);
      if (owner !== schema) throw new Error(`two different schemas are named ${id}: give one its own id`);
      return meta;
    },
  };

  /** The JSON Schema of `s`, its named parts moved to the components. */
  of(s: z.ZodMiniType, io: 'input' | 'output'): Json {
    const {
      $schema: _drop,
      $defs,
      ...root
    } = z.toJSONSchema(s, {
      target: 'draft-2020-12',
      io,
      unrepresentable: 'any',
      metadata: this.metadata as unknown as z.core.$ZodRegistry<z.core.GlobalMeta>,
    }) as Json;
    const defs = ($defs ?? {}) as Record<string, Json>;
    const names = new Map(Object.keys(defs).map((id) => [id, id]));
    for (let changed = true; changed; ) {
      changed = false;
      for (const [id, def] of Object.entries(defs)) {
        const name = names.get(id)!;
        const known = this.schemas[name];
        if (!known || JSON.stringify(known) === JSON.stringify(rewriteRefs(def, names))) continue;
        if (io === 'output' || name !== id) throw new Error(`two different schemas are named ${name}`);
        names.set(id, `${id}Input`);
        changed = true;
      }
    }
    for (const [id, def] of Object.entries(defs)) this.schemas[names.get(id)!] = rewriteRefs(def, names) as Json;
    return rewriteRefs(root, names) as Json;
  }
}

function parameters(components: ComponentSchemas, spec: RouteSpec, where: 'path' | 'query'): Json[] {
  const s = where === 'path' ? spec.params : spec.query;
  if (!s) return [];
  const json = components.of(s, 'input') as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
    schema,
  }));
}

/** A query `format` that offers `csv` means the same answer can come as a CSV download. */
const offersCsv = (spec: RouteSpec) => {
  const format = (spec.query?._zod.def as { shape?: Record<string, z.ZodMiniType> } | undefined)?.shape?.format;
  return format ? z.safeParse(format, 'csv').success : false;
};

function successResponse(components: ComponentSchemas, spec: RouteSpec, doc: ResponseDoc, replay: boolean): Json {
  const contentType = doc.contentType ?? 'application/json';
  const content: Json = {};
  if (doc.schema || contentType !== 'application/json')
    content[contentType] = {
      schema: doc.schema ? components.of(doc.schema, 'output') : { type: 'string' },
      ...(doc.example !== undefined ? { example: doc.example } : {}),
    };
  const csv = contentType === 'text/csv' || offersCsv(spec);
  if (csv && !content['text/csv']) content['text/csv'] = { schema: { type: 'string' } };
  return {
    description: replay
      ? 'Diulang: sudah tersimpan sebelumnya / replayed: already stored by an earlier request'
      : doc.description,
    headers: {
      ...correlationHeader,
      ...(replay ? { 'idempotent-replay': ref('headers', 'IdempotentReplay') } : {}),
      ...(csv ? { 'content-disposition': ref('headers', 'ContentDisposition') } : {}),
    },
    ...(Object.keys(content).length ? { content } : {}),
  };
}

function responsesOf(
  components: ComponentSchemas,
  spec: RouteSpec,
  docs: RouteDocs,
  auth: string,
): Record<string, Json> {
  const replays = spec.replays === true || spec.idempotencyKey === true;
  const responses: Record<string, Json> = {};
  for (const [status, doc] of Object.entries(docs.responses))
    responses[status] = successResponse(components, spec, doc, status === '200' && replays);
  // A retry of a create that finds its record already stored answers 200 with `idempotent-replay: true`.
  const created = docs.responses[201];
  if (replays && created && !docs.responses[200]) responses['200'] = successResponse(components, spec, created, true);
  // Every protected route can refuse a bad token (401) and an unregistered or inactive person (403); any route
  // can be throttled (429) or fail (500); the gateway refuses too large a body (413).
  const statuses = [
    ...new Set([
      ...docs.errors,
      ...(auth === 'public' ? [] : [401, 403]),
      ...(spec.body || spec.bodyType ? [413] : []),
      429,
      500,
    ]),
  ].sort();
  for (const status of statuses) {
    responses[String(status)] = {
      description: errorDescriptions[status],
      headers: correlationHeader,
      content:
        // Pages for people render their own errors as HTML; the gateway's refusals (413, 429) stay JSON.
        spec.errorsAs === 'html' && status !== 413 && status !== 429
          ? { 'text/html': { schema: { type: 'string' } } }
          : { 'application/json': { schema: ref('schemas', 'Error') } },
    };
  }
  return responses;
}

/** A form post's example is written as it travels (`a=1&b=2`); the document shows the fields it parses to. */
const formFields = (spec: RouteSpec, encoded: unknown) => {
  if (typeof encoded !== 'string' || !spec.body) return encoded;
  const fields = Object.fromEntries(new URLSearchParams(encoded));
  const parsed = z.safeParse(spec.body, fields);
  return parsed.success ? parsed.data : fields;
};

function requestBody(components: ComponentSchemas, spec: RouteSpec, docs: RouteDocs): Json | undefined {
  const bodyExample = spec.bodyType === 'form' ? formFields(spec, docs.bodyExample) : docs.bodyExample;
  const example = bodyExample !== undefined ? { example: bodyExample } : {};
  if (spec.bodyType === 'csv')
    return { required: true, content: { 'text/csv': { schema: { type: 'string' }, ...example } } };
  if (!spec.body) return undefined;
  const mediaType = spec.bodyType === 'form' ? 'application/x-www-form-urlencoded' : 'application/json';
  return { required: true, content: { [mediaType]: { schema: components.of(spec.body, 'input'), ...example } } };
}

/** The operations whose spec has no description of its own (the document falls back to the summary). */
export const operationsWithoutDescription = () => routeSpecs.filter((s) => !docsOf(s).description).map((s) => s.name);

/** A spec's documentation; only a bundle goes without it, and bundles never build the document. */
function docsOf(spec: RouteSpec): RouteDocs {
  if (!spec.docs)
    throw new Error(`the route spec ${spec.name} has no docs: the document is built from source, not in a bundle`);
  return spec.docs;
}

export function buildOpenApi(options: OpenApiOptions = {}): Json {
  const specs = new Map(routeSpecs.map((s) => [s.name, s]));
  const components = new ComponentSchemas();
  components.of(errorBody, 'output');
  const paths: Record<string, Record<string, Json>> = {};
  const tags = new Set<string>();
  for (const fn of httpFunctions()) {
    const spec = specs.get(fn.name);
    if (!spec) throw new Error(`no route spec for ${fn.name}`);
    const { method, path, auth, scopes } = fn.trigger;
    const docs = docsOf(spec);
    tags.add(docs.tag);
    const body = requestBody(components, spec, docs);
    (paths[path] ??= {})[method.toLowerCase()] = {
      operationId: fn.name,
      tags: [docs.tag],
      summary: docs.summary,
      description: docs.description ?? `${docs.summary}.`,
      parameters: [
        ...parameters(components, spec, 'path'),
        ...parameters(components, spec, 'query'),
        ...(spec.idempotencyKey ? [ref('parameters', 'IdempotencyKey')] : []),
        ref('parameters', 'AcceptLanguage'),
      ],
      ...(body ? { requestBody: body } : {}),
      responses: responsesOf(components, spec, docs, auth),
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
  const unknownTags = [...tags].filter((t) => !tagDescriptions[t]);
  if (unknownTags.length) throw new Error(`tags without a description: ${unknownTags.join(', ')}`);
  return {
    openapi: '3.1.0',
    info: {
      title: 'kinerja-asn API',
      version: '0.1.0',
      description:
        'Manajemen kinerja ASN (SKP, aktivitas harian, penilaian). Pesan galat dalam Bahasa Indonesia; kirim `Accept-Language: en` untuk bahasa Inggris. ' +
        'Every error is `{ error: { code, message, details } }`; every response carries `x-correlation-id`.',
      contact: { name: 'Tim kinerja-asn, Pemerintah Kota Medan', url: 'https://github.com/kinerja-asn/kinerja-asn' },
      license: { name: 'Apache License 2.0', identifier: 'Apache-2.0' },
    },
    servers: [
      {
        url: options.serverUrl ?? '/',
        description: options.serverUrl ? 'This deployment' : 'The host that served this document',
      },
    ],
    tags: [...tags].map((name) => ({ name, description: tagDescriptions[name] })),
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
              tokenUrl: options.tokenUrl ?? tokenUrlPlaceholder,
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
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          schema: { type: 'string', minLength: 8, maxLength: 200, examples: ['3f2a9c1e-act-2026-11-27-1'] },
          description:
            'Kunci unik per permintaan; mengulang dengan kunci yang sama tidak membuat data ganda / ' +
            'a key unique to the request: retrying with the same key stores nothing twice and answers 200 with `idempotent-replay: true`',
        },
      },
      headers: {
        CorrelationId: {
          description: 'Id permintaan ini (dikirim ulang bila pemanggil mengirimnya) / this request’s id, for support',
          schema: { type: 'string' },
        },
        IdempotentReplay: {
          description:
            'true: permintaan ini ulangan, data sudah tersimpan / the request was a replay of one already stored',
          schema: { type: 'string', enum: ['true'] },
        },
        ContentDisposition: {
          description: 'Nama berkas unduhan / the download file name',
          schema: { type: 'string', examples: ['attachment; filename="tunjangan-DISDUKCAPIL-2026-11.csv"'] },
        },
      },
      schemas: components.schemas,
    },
  };
}
