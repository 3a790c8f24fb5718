import * as z from 'zod/mini';
import { route } from './route.ts';
import { auditEntry, nipParam, page, pageQuery } from './schemas.ts';

export const listEmployeeAudit = route({
  name: 'list-employee-audit',
  tag: 'Jejak audit',
  summary: 'Jejak audit tentang seorang pegawai / audit trail concerning one employee',
  description:
    'Every change to records concerning the employee, newest first: who, when, before, after. Readable by auditors and by the employee.',
  params: z.object({ nip: nipParam }),
  query: pageQuery,
  responses: { 200: { description: 'A page of audit entries', schema: page(auditEntry) } },
  errors: [400, 403, 404],
});

export const listAudit = route({
  name: 'list-audit',
  tag: 'Jejak audit',
  summary: 'Jejak audit organisasi per bulan (Auditor) / organisation audit trail by month',
  query: z.extend(pageQuery, {
    month: z
      .string()
      .check(
        z.regex(/^\d{4}-(0[1-9]|1[0-2])$/),
        z.meta({ description: 'Bulan (WIB), YYYY-MM', examples: ['2026-11'] }),
      ),
  }),
  responses: { 200: { description: 'A page of audit entries, newest first', schema: page(auditEntry) } },
  errors: [400, 403],
});
