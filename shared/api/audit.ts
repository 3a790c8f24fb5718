import * as z from 'zod/mini';
import { route } from './route.ts';
import { auditEntry, meta, nipParam, page, pageQuery } from './schemas.ts';

const id = (name: string, description?: string) => z.meta({ id: name, ...(description ? { description } : {}) });

const namedEntry = import.meta.bundled
  ? undefined!
  : z
      .extend(auditEntry, {
        actorName: z
          .nullable(z.string())
          .check(
            meta('Nama pelaku bila orang; null untuk sistem dan klien mesin / the acting person’s name, else null'),
          ),
        subjectName: z
          .nullable(z.string())
          .check(meta('Nama pegawai yang bersangkutan / the name of the employee concerned, else null')),
      })
      .check(id('AuditEntry', 'Satu perubahan: siapa, kapan, sebelum, sesudah / one change: who, when, before, after'));

const entryExample = {
  id: '2026-11-27T09:40:00.123Z#a1b2c3',
  at: '2026-11-27T09:40:00.123Z',
  entity: 'Plan',
  entityId: '199001152015031003#2026',
  action: 'updated',
  actor: 'nip:198203152006041002',
  actorName: 'Rina Marlina Pohan, S.Sos',
  requestId: '3f2a9c1e-0b7d-4e55-9a51-7c2d1f0e8b44',
  subjectNip: '199001152015031003',
  subjectName: 'Rahmat Hidayat Daulay',
  changedFields: ['state', 'version'],
  before: { state: 'submitted', version: 3 },
  after: { state: 'approved', version: 4 },
};
const auditPage = import.meta.bundled
  ? undefined!
  : {
      description: 'A page of audit entries, newest first',
      schema: page(namedEntry).check(id('AuditEntryPage')),
      example: { items: [entryExample], nextCursor: 's1.eyJwayI6Ii4uLiJ9' },
    };

export const listEmployeeAudit = route({
  name: 'list-employee-audit',
  params: z.object({ nip: nipParam }),
  query: pageQuery,
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Jejak audit',
        summary: 'Jejak audit tentang seorang pegawai / audit trail concerning one employee',
        description:
          'Every change to records concerning the employee, newest first: who (with the name, when a person), when, before, after. ' +
          'Paged with `limit`/`cursor`. Readable by auditors and by the employee.',
        responses: { 200: auditPage },
        errors: [400, 403, 404],
      },
});

export const listAudit = route({
  name: 'list-audit',
  query: z.extend(pageQuery, {
    month: z
      .string()
      .check(
        z.regex(/^\d{4}-(0[1-9]|1[0-2])$/),
        z.meta({ description: 'Bulan (WIB), YYYY-MM', examples: ['2026-11'] }),
      ),
  }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Jejak audit',
        summary: 'Jejak audit organisasi per bulan (Auditor) / organisation audit trail by month',
        description:
          'Every change in the organisation in one month (WIB), newest first, with the acting person’s name. Paged with `limit`/`cursor`. Auditors only.',
        responses: { 200: auditPage },
        errors: [400, 403],
      },
});
