import * as z from 'zod/mini';
import { peopleMessages } from '../messages/people.ts';
import { routeWith } from './route.ts';
import {
  actingAssignment,
  email,
  employee,
  employeeSummary,
  employmentType,
  isoDate,
  name,
  nip,
  nipParam,
  page,
  pageQuery,
  position,
  unitCode,
} from './schemas.ts';

const route = routeWith(peopleMessages);
const id = (name: string, description?: string) => z.meta({ id: name, ...(description ? { description } : {}) });
const personName = (description: string) => z.nullable(z.string().check(z.meta({ description })));

const namedEmployee = import.meta.bundled
  ? undefined!
  : z.extend(employee, {}).check(id('Employee', 'Pegawai / an employee'));
const namedActing = import.meta.bundled
  ? undefined!
  : z.extend(actingAssignment, {}).check(id('ActingAssignment', 'Penugasan Plt/Plh / an acting assignment'));

const employeeExample = {
  nip: '199001152015031003',
  name: 'Rahmat Hidayat Daulay',
  position: 'Pengelola Data Kependudukan',
  employmentType: 'PNS',
  unitCode: 'DUK-IDK',
  unitPath: '/DISDUKCAPIL/DUK-DAFDUK/DUK-IDK/',
  supervisorNip: '198203152006041002',
  status: 'active',
  version: 3,
  createdAt: '2026-01-05T02:00:00.000Z',
  updatedAt: '2026-07-01T03:15:00.000Z',
  updatedBy: 'nip:199105132015032002',
};
const actingExample = {
  id: '5b0c1f9e-2f7a-4c1e-9d3b-7a1f0e6c2b44',
  actingNip: '198311052008012004',
  forNip: '198203152006041002',
  kind: 'PLH',
  startDate: '2026-12-01',
  endDate: '2026-12-14',
  decreeNumber: '800/123/BKPSDM/2026',
  createdAt: '2026-11-28T01:00:00.000Z',
};
const summaryExample = {
  nip: '199001152015031003',
  name: 'Rahmat Hidayat Daulay',
  position: 'Pengelola Data Kependudukan',
  unitCode: 'DUK-IDK',
  supervisorNip: '198203152006041002',
  supervisorName: 'Rina Marlina Pohan, S.Sos',
};

const byNip = z.object({ nip: nipParam });

export const getMe = route({
  name: 'get-me',
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Pegawai',
        summary: 'Siapa saya: identitas, peran, dan penugasan Plt/Plh aktif / who am I',
        description:
          "A person's token: their record, groups, number of direct subordinates and the Plt/Plh assignments they hold today. " +
          "A machine client's token: its client id and scopes.",
        responses: {
          200: {
            description: 'The caller',
            example: {
              kind: 'user',
              orgId: 'kota-medan',
              groups: [],
              employee: employeeExample,
              directSubordinates: 0,
              actingAssignments: [],
            },
            schema: z
              .object({
                kind: z.enum(['user', 'machine']),
                orgId: z.string(),
                groups: z.array(z.string()),
                scopes: z.optional(z.array(z.string())),
                clientId: z.optional(z.string()),
                employee: z.optional(namedEmployee),
                directSubordinates: z.optional(z.number()),
                actingAssignments: z.optional(z.array(namedActing)),
              })
              .check(id('Me', 'Pemanggil / the caller')),
          },
        },
        errors: [403],
      },
});

export const createEmployee = route({
  name: 'create-employee',
  replays: true,
  body: z.object({
    nip,
    name,
    position,
    employmentType,
    unitCode,
    supervisorNip: z.optional(z.nullable(nip)),
    email: z.optional(email),
  }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Pegawai',
        summary: 'Daftarkan pegawai / register an employee (Admin BKPSDM, or Admin OPD within their OPD)',
        description:
          'The NIP must be valid and new; the unit and the supervisor must exist, and the supervisor chain must stay free of cycles. ' +
          'Sending the very same person again answers 200 with the stored record.',
        bodyExample: {
          nip: '199001152015031003',
          name: 'Rahmat Hidayat',
          position: 'Pengelola Data Kependudukan',
          employmentType: 'PNS',
          unitCode: 'DUK-PDI',
          supervisorNip: '198203152006041002',
        },
        responses: { 201: { description: 'Created', schema: namedEmployee, example: employeeExample } },
        errors: [400, 403, 409, 422],
      },
});

export const getEmployee = route({
  name: 'get-employee',
  params: byNip,
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Pegawai',
        summary: 'Data seorang pegawai / one employee',
        description:
          'Readable by the employee, their direct and indirect supervisors (incl. acting), their unit admin, BKPSDM and auditors.',
        responses: { 200: { description: 'The employee', schema: namedEmployee, example: employeeExample } },
        errors: [400, 403, 404],
      },
});

export const updateEmployee = route({
  name: 'update-employee',
  params: byNip,
  body: z
    .object({
      version: z.number().check(z.int(), z.minimum(1)),
      name: z.optional(name),
      position: z.optional(position),
      employmentType: z.optional(employmentType),
      unitCode: z.optional(unitCode),
      supervisorNip: z.optional(z.nullable(nip)),
      email: z.optional(email),
      status: z.optional(z.enum(['active', 'inactive'])),
    })
    .check(
      z.refine((b) => Object.keys(b).length > 1, {
        message: 'Tidak ada kolom yang diubah / nothing to change',
        path: [],
      }),
    ),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Pegawai',
        summary: 'Ubah data pegawai (optimistic locking) / change an employee',
        description:
          'Send the `version` you read; if someone changed the record since, the answer is 409 with the current record.',
        bodyExample: { version: 3, position: 'Analis Kependudukan', supervisorNip: '198203152006041002' },
        responses: {
          200: {
            description: 'The changed employee',
            schema: namedEmployee,
            example: { ...employeeExample, version: 4 },
          },
        },
        errors: [400, 403, 404, 409, 422],
      },
});

const importResult = import.meta.bundled
  ? undefined!
  : z
      .object({ rows: z.number(), created: z.number(), updated: z.number(), unchanged: z.number() })
      .check(id('ImportResult'));

const importPreview = import.meta.bundled
  ? undefined!
  : z
      .object({
        dryRun: z.literal(true),
        rows: z.number(),
        created: z.number().check(z.meta({ description: 'Baris yang akan dibuat / rows that would be created' })),
        updated: z.number().check(z.meta({ description: 'Baris yang akan diubah / rows that would be changed' })),
        unchanged: z.number(),
        invalid: z
          .number()
          .check(
            z.meta({ description: 'Baris bermasalah; 0 = siap diimpor / rows with problems; 0 = ready to import' }),
          ),
        lines: z.array(
          z
            .object({
              line: z.number().check(z.meta({ description: 'Baris dalam berkas (kepala = 1) / line in the file' })),
              nip: z.string(),
              name: z.string(),
              outcome: z.enum(['create', 'update', 'unchanged', 'invalid']),
              problems: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })),
            })
            .check(id('ImportPreviewLine')),
        ),
      })
      .check(id('ImportPreview', 'Pratinjau impor, tanpa menulis apa pun / an import preview: nothing written'));

export const importEmployees = route({
  name: 'import-employees',
  bodyType: 'csv',
  query: z.object({
    dryRun: z.optional(
      z.enum(['true', 'false']).check(
        z.meta({
          description:
            'Periksa saja, tanpa menulis / only check, write nothing: every row with its outcome and problems',
        }),
      ),
    ),
  }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Pegawai',
        summary: 'Impor pegawai dari CSV (semua atau tidak sama sekali) / import employees from CSV, all or nothing',
        description:
          'Body: `text/csv` with header `nip,nama,jabatan,kode_unit,nip_atasan` (English headers `nip,name,position,unit_code,supervisor_nip` work too; optional `jenis` PNS|PPPK, `email`). ' +
          'Columns separated by commas, semicolons (as Excel saves CSV in an Indonesian locale) or tabs, read from the header line; a byte order mark is ignored. ' +
          'A file that cannot be used is refused (422) with what is wrong and where: the line and column of a broken quote, a missing header, a line with another separator, missing columns. ' +
          'Every row is checked before anything is written; any bad row cancels the whole import with a per-row report (422). ' +
          'Importing the same file again changes nothing. ' +
          'With `?dryRun=true` nothing is written: the answer (200) lists every row with what importing it would do ' +
          '(`create`, `update`, `unchanged`) or its problems (`invalid`), in words, so the file can be fixed and checked again first. ' +
          'A file that cannot be read at all is still refused (422).',
        bodyExample:
          'nip,nama,jabatan,kode_unit,nip_atasan\n199001152015031003,Rahmat Hidayat,Pengelola Data,DUK-PDI,198203152006041002\n',
        responses: {
          200: {
            description: 'Import result; with `dryRun=true`, the preview (nothing written)',
            schema: z.union([importResult, importPreview]),
            example: { rows: 120, created: 3, updated: 2, unchanged: 115 },
          },
        },
        errors: [400, 403, 415, 422],
      },
});

export const listSubordinates = route({
  name: 'list-subordinates',
  params: byNip,
  query: z.extend(pageQuery, { scope: z.optional(z.enum(['direct', 'all'])) }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Hierarki',
        summary: 'Bawahan langsung atau seluruh bawahan / direct or all subordinates',
        description:
          '`scope=direct` (default) lists direct subordinates; `scope=all` walks the whole tree below, breadth first. ' +
          "Paged with `limit`/`cursor`; each person comes with their supervisor's name.",
        responses: {
          200: {
            description: 'A page of subordinates',
            schema: page(
              z
                .extend(employeeSummary, {
                  supervisorName: personName('Nama atasan / the supervisor’s name'),
                  depth: z.number(),
                })
                .check(id('Subordinate')),
            ).check(id('SubordinatePage')),
            example: { items: [{ ...summaryExample, depth: 1 }], nextCursor: 'o25' },
          },
        },
        errors: [400, 403, 404],
      },
});

export const listSupervisors = route({
  name: 'list-supervisors',
  params: byNip,
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Hierarki',
        summary: 'Rantai atasan sampai pimpinan tertinggi / chain of supervisors up to the top',
        description:
          'Not paged: bounded by design by the depth of the hierarchy (a chain never exceeds it). Each supervisor comes with ' +
          'the name of their own supervisor.',
        responses: {
          200: {
            description: 'Supervisors, nearest first',
            schema: z
              .object({
                items: z.array(
                  z
                    .extend(employeeSummary, {
                      supervisorName: personName('Nama atasan / the supervisor’s name'),
                      level: z.number(),
                    })
                    .check(id('Supervisor')),
                ),
              })
              .check(id('SupervisorChain')),
            example: {
              items: [
                {
                  nip: '198203152006041002',
                  name: 'Rina Marlina Pohan, S.Sos',
                  position: 'Kepala Seksi Identitas Penduduk',
                  unitCode: 'DUK-IDK',
                  supervisorNip: '197808172003121003',
                  supervisorName: 'Ir. Hendra Gunawan Tarigan',
                  level: 1,
                },
              ],
            },
          },
        },
        errors: [400, 403, 404],
      },
});

export const createActingAssignment = route({
  name: 'create-acting-assignment',
  replays: true,
  params: byNip,
  body: z.object({
    forNip: nip,
    kind: z.enum(['PLT', 'PLH']),
    startDate: isoDate,
    endDate: isoDate,
    decreeNumber: z.optional(z.string().check(z.maxLength(100))),
  }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Hierarki',
        summary: 'Tetapkan Plt/Plh / appoint an acting official (Plt/Plh)',
        description:
          "The employee in the path acts for `forNip` from `startDate` to `endDate` (WIB, inclusive) and has supervisor rights over forNip's direct subordinates on those dates only.",
        bodyExample: {
          forNip: '197506202000031001',
          kind: 'PLH',
          startDate: '2026-12-01',
          endDate: '2026-12-14',
          decreeNumber: '800/123/BKPSDM/2026',
        },
        responses: { 201: { description: 'Created', schema: namedActing, example: actingExample } },
        errors: [400, 403, 404, 409, 422],
      },
});

export const listActingAssignments = route({
  name: 'list-acting-assignments',
  params: byNip,
  query: pageQuery,
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Hierarki',
        summary: 'Penugasan Plt/Plh seorang pegawai / acting assignments held by an employee',
        description:
          "Newest first, paged with `limit`/`cursor`; each with the acting official's name (`actingName`) and the position " +
          "holder's (`forName`, null if the holder's record is gone).",
        responses: {
          200: {
            description: 'A page of assignments',
            schema: page(
              z
                .extend(actingAssignment, {
                  actingName: z.string().check(z.meta({ description: 'Nama Plt/Plh / the acting official’s name' })),
                  forName: personName('Nama pemegang jabatan / the position holder’s name'),
                })
                .check(id('ActingAssignmentNamed')),
            ).check(id('ActingAssignmentPage')),
            example: {
              items: [
                { ...actingExample, actingName: 'Yusuf Maulana Rangkuti, S.IP', forName: 'Rina Marlina Pohan, S.Sos' },
              ],
            },
          },
        },
        errors: [400, 403, 404],
      },
});
