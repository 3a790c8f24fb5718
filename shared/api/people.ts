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

const byNip = z.object({ nip: nipParam });

export const getMe = route({
  name: 'get-me',
  tag: 'Pegawai',
  summary: 'Siapa saya: identitas, peran, dan penugasan Plt/Plh aktif / who am I',
  responses: {
    200: {
      description: 'The caller',
      schema: z.object({
        kind: z.enum(['user', 'machine']),
        orgId: z.string(),
        groups: z.array(z.string()),
        scopes: z.optional(z.array(z.string())),
        clientId: z.optional(z.string()),
        employee: z.optional(employee),
        directSubordinates: z.optional(z.number()),
        actingAssignments: z.optional(z.array(actingAssignment)),
      }),
    },
  },
  errors: [403],
});

export const createEmployee = route({
  name: 'create-employee',
  replays: true,
  tag: 'Pegawai',
  summary: 'Daftarkan pegawai / register an employee (Admin BKPSDM, or Admin OPD within their OPD)',
  body: z.object({
    nip,
    name,
    position,
    employmentType,
    unitCode,
    supervisorNip: z.optional(z.nullable(nip)),
    email: z.optional(email),
  }),
  bodyExample: {
    nip: '199001152015031003',
    name: 'Rahmat Hidayat',
    position: 'Pengelola Data Kependudukan',
    employmentType: 'PNS',
    unitCode: 'DUK-PDI',
    supervisorNip: '198203152006041002',
  },
  responses: { 201: { description: 'Created', schema: employee } },
  errors: [400, 403, 409, 422],
});

export const getEmployee = route({
  name: 'get-employee',
  tag: 'Pegawai',
  summary: 'Data seorang pegawai / one employee',
  description:
    'Readable by the employee, their direct and indirect supervisors (incl. acting), their unit admin, BKPSDM and auditors.',
  params: byNip,
  responses: { 200: { description: 'The employee', schema: employee } },
  errors: [400, 403, 404],
});

export const updateEmployee = route({
  name: 'update-employee',
  tag: 'Pegawai',
  summary: 'Ubah data pegawai (optimistic locking) / change an employee',
  description:
    'Send the `version` you read; if someone changed the record since, the answer is 409 with the current record.',
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
  bodyExample: { version: 3, position: 'Analis Kependudukan', supervisorNip: '198203152006041002' },
  responses: { 200: { description: 'The changed employee', schema: employee } },
  errors: [400, 403, 404, 409, 422],
});

export const importEmployees = route({
  name: 'import-employees',
  tag: 'Pegawai',
  summary: 'Impor pegawai dari CSV (semua atau tidak sama sekali) / import employees from CSV, all or nothing',
  description:
    'Body: `text/csv` with header `nip,nama,jabatan,kode_unit,nip_atasan` (English headers `nip,name,position,unit_code,supervisor_nip` work too; optional `jenis` PNS|PPPK, `email`). ' +
    'Every row is checked before anything is written; any bad row cancels the whole import with a per-row report (422). ' +
    'Importing the same file again changes nothing.',
  bodyType: 'csv',
  bodyExample:
    'nip,nama,jabatan,kode_unit,nip_atasan\n199001152015031003,Rahmat Hidayat,Pengelola Data,DUK-PDI,198203152006041002\n',
  responses: {
    200: {
      description: 'Import result',
      schema: z.object({ rows: z.number(), created: z.number(), updated: z.number(), unchanged: z.number() }),
    },
  },
  errors: [400, 403, 415, 422],
});

export const listSubordinates = route({
  name: 'list-subordinates',
  tag: 'Hierarki',
  summary: 'Bawahan langsung atau seluruh bawahan / direct or all subordinates',
  description:
    '`scope=direct` (default) lists direct subordinates; `scope=all` walks the whole tree below, breadth first.',
  params: byNip,
  query: z.extend(pageQuery, { scope: z.optional(z.enum(['direct', 'all'])) }),
  responses: {
    200: { description: 'A page of subordinates', schema: page(z.extend(employeeSummary, { depth: z.number() })) },
  },
  errors: [400, 403, 404],
});

export const listSupervisors = route({
  name: 'list-supervisors',
  tag: 'Hierarki',
  summary: 'Rantai atasan sampai pimpinan tertinggi / chain of supervisors up to the top',
  params: byNip,
  responses: {
    200: {
      description: 'Supervisors, nearest first',
      schema: z.object({ items: z.array(z.extend(employeeSummary, { level: z.number() })) }),
    },
  },
  errors: [400, 403, 404],
});

export const createActingAssignment = route({
  name: 'create-acting-assignment',
  replays: true,
  tag: 'Hierarki',
  summary: 'Tetapkan Plt/Plh / appoint an acting official (Plt/Plh)',
  description:
    "The employee in the path acts for `forNip` from `startDate` to `endDate` (WIB, inclusive) and has supervisor rights over forNip's direct subordinates on those dates only.",
  params: byNip,
  body: z.object({
    forNip: nip,
    kind: z.enum(['PLT', 'PLH']),
    startDate: isoDate,
    endDate: isoDate,
    decreeNumber: z.optional(z.string().check(z.maxLength(100))),
  }),
  bodyExample: {
    forNip: '197506202000031001',
    kind: 'PLH',
    startDate: '2026-12-01',
    endDate: '2026-12-14',
    decreeNumber: '800/123/BKPSDM/2026',
  },
  responses: { 201: { description: 'Created', schema: actingAssignment } },
  errors: [400, 403, 404, 409, 422],
});

export const listActingAssignments = route({
  name: 'list-acting-assignments',
  tag: 'Hierarki',
  summary: 'Penugasan Plt/Plh seorang pegawai / acting assignments held by an employee',
  params: byNip,
  query: pageQuery,
  responses: { 200: { description: 'A page of assignments', schema: page(actingAssignment) } },
  errors: [400, 403, 404],
});
