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

const monthParam = z
  .string()
  .check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/), z.meta({ description: 'Bulan (WIB), YYYY-MM', examples: ['2026-11'] }));
const dayParam = z.optional(
  z.coerce.number().check(
    z.int(),
    z.minimum(1),
    z.maximum(31),
    z.meta({
      description: 'Hanya tanggal ini dalam bulan itu (WIB), 1–31 / only this day of the month',
      examples: [27],
    }),
  ),
);

export const listEmployeeAudit = route({
  name: 'list-employee-audit',
  params: z.object({ nip: nipParam }),
  query: z.extend(pageQuery, { month: z.optional(monthParam), day: dayParam }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Jejak audit',
        summary: 'Jejak audit tentang seorang pegawai / audit trail concerning one employee',
        description:
          'Every change to records concerning the employee, newest first: who (with the name, when a person), when, before, after. ' +
          'With `month` (and `day`), only that WIB month (or day), from the key: no filtering after reading. ' +
          'Paged with `limit`/`cursor`. Readable by auditors and by the employee.',
        responses: { 200: auditPage },
        errors: [400, 403, 404],
      },
});

export const listAudit = route({
  name: 'list-audit',
  query: z.extend(pageQuery, { month: monthParam, day: dayParam }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Jejak audit',
        summary: 'Jejak audit organisasi per bulan (Auditor) / organisation audit trail by month',
        description:
          'Every change in the organisation in one month (WIB), newest first, with the acting person’s name; with `day`, only that day of the month (from the key; a day the month lacks gives none). Paged with `limit`/`cursor`. Auditors only.',
        responses: { 200: auditPage },
        errors: [400, 403],
      },
});

export const listRecordAudit = route({
  name: 'list-record-audit',
  query: z.extend(pageQuery, {
    entity: z.string().check(
      z.regex(/^[A-Za-z]{1,60}$/),
      z.meta({
        description: 'Jenis catatan, seperti pada entri / the record kind, as entries name it',
        examples: ['Evaluation'],
      }),
    ),
    entityId: z.string().check(
      z.minLength(1),
      z.maxLength(300),
      z.meta({
        description: 'Id catatan, seperti pada entri / the record id, as entries name it',
        examples: ['199001152015031003/2026-11'],
      }),
    ),
  }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Jejak audit',
        summary: 'Riwayat satu catatan (Auditor) / the history of one record',
        description:
          'Every change to one record (`entity` and `entityId` as the entries name them, e.g. `Evaluation` and `<nip>/<period>`), newest first, across months, from the record’s own key. Paged with `limit`/`cursor`. Auditors only.',
        responses: { 200: auditPage },
        errors: [400, 403],
      },
});
