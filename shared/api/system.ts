import * as z from 'zod/mini';
import { route } from './route.ts';

export const health = route({
  name: 'health',
  tag: 'Sistem',
  summary: 'Status layanan / service status',
  responses: { 200: { description: 'OK', schema: z.object({ status: z.literal('ok'), time: z.string() }) } },
  errors: [],
});

export const getOpenapi = route({
  name: 'get-openapi',
  tag: 'Sistem',
  summary: 'Dokumen OpenAPI 3.1 / the OpenAPI 3.1 document',
  responses: { 200: { description: 'OpenAPI 3.1 document', schema: z.record(z.string(), z.unknown()) } },
  errors: [],
});

export const getDocs = route({
  name: 'get-docs',
  tag: 'Sistem',
  summary: 'Dokumentasi API yang mudah dibaca / readable API documentation',
  responses: { 200: { description: 'HTML page', contentType: 'text/html' } },
  errors: [],
});
