import * as z from 'zod/mini';
import { docsAssetNames } from './docs-page.ts';
import { route } from './route.ts';

export const health = route({
  name: 'health',
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Sistem',
        summary: 'Status layanan / service status',
        description:
          'Public and cheap: answers 200 while the service runs (no data read). For load balancers and uptime checks.',
        responses: { 200: { description: 'OK', schema: z.object({ status: z.literal('ok'), time: z.string() }) } },
        errors: [],
      },
});

export const getOpenapi = route({
  name: 'get-openapi',
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Sistem',
        summary: 'Dokumen OpenAPI 3.1 / the OpenAPI 3.1 document',
        description:
          'This document: every operation with its request and response schemas, examples, headers and security. ' +
          'Generate a typed client from it (the web app uses openapi-typescript and openapi-fetch).',
        responses: {
          200: {
            description: 'OpenAPI 3.1 document',
            schema: z.object({
              openapi: z.literal('3.1.0'),
              info: z.record(z.string(), z.unknown()),
              servers: z.array(z.record(z.string(), z.unknown())),
              tags: z.array(z.record(z.string(), z.unknown())),
              paths: z.record(z.string(), z.record(z.string(), z.unknown())),
              components: z.record(z.string(), z.unknown()),
            }),
          },
        },
        errors: [],
      },
});

export const getDocs = route({
  name: 'get-docs',
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Sistem',
        summary: 'Dokumentasi API interaktif / interactive API documentation',
        description:
          'Swagger UI on this API\'s OpenAPI document: search, schemas, examples, and "Try it out" with a bearer token.',
        responses: { 200: { description: 'HTML page', contentType: 'text/html' } },
        errors: [],
      },
});

export const getDocsAsset = route({
  name: 'get-docs-asset',
  params: z.object({ asset: z.enum(docsAssetNames) }),
  query: z.object({ v: z.optional(z.string()) }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Sistem',
        summary: 'Berkas halaman dokumentasi / a file of the documentation page',
        description:
          "The viewer's scripts and styles, from an allow-list. With `v` (the version the page names) it may be cached for good.",
        responses: {
          200: { description: 'JavaScript or CSS', contentType: 'text/javascript' },
        },
        errors: [400],
      },
});
