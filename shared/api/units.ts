import * as z from 'zod/mini';
import { route } from './route.ts';
import { employeeSummary, page, pageQuery, unit, unitCode, unitKind } from './schemas.ts';

export const listUnits = route({
  name: 'list-units',
  tag: 'Organisasi',
  summary: 'Pohon unit kerja organisasi (OPD → bidang → seksi) / the unit tree',
  responses: {
    200: {
      description: 'Organisation and units in tree order',
      schema: z.object({ organisation: z.object({ orgId: z.string(), name: z.string() }), units: z.array(unit) }),
    },
  },
  errors: [],
});

export const createUnit = route({
  name: 'create-unit',
  replays: true,
  tag: 'Organisasi',
  summary: 'Tambah unit kerja / add a unit (Admin BKPSDM; Admin OPD below their OPD)',
  body: z.object({
    code: unitCode,
    name: z.string().check(z.trim(), z.minLength(2), z.maxLength(200)),
    kind: unitKind,
    parentCode: z.optional(unitCode),
  }),
  bodyExample: {
    code: 'DUK-PIAK',
    name: 'Bidang Pengelolaan Informasi Administrasi Kependudukan',
    kind: 'bidang',
    parentCode: 'DISDUKCAPIL',
  },
  responses: { 201: { description: 'Created', schema: unit } },
  errors: [400, 403, 409, 422],
});

export const listUnitEmployees = route({
  name: 'list-unit-employees',
  tag: 'Organisasi',
  summary: 'Pegawai sebuah unit beserta sub-unitnya / people of a unit and its sub-units',
  params: z.object({ code: unitCode }),
  query: pageQuery,
  responses: { 200: { description: 'A page of employees, in unit order', schema: page(employeeSummary) } },
  errors: [400, 403, 404],
});
