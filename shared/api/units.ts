import * as z from 'zod/mini';
import { route } from './route.ts';
import { employeeSummary, page, pageQuery, unit, unitCode, unitKind } from './schemas.ts';

const id = (name: string, description?: string) => z.meta({ id: name, ...(description ? { description } : {}) });

const namedUnit = import.meta.bundled ? undefined! : z.extend(unit, {}).check(id('Unit', 'Unit kerja / a unit'));

const unitExample = {
  code: 'DUK-IDK',
  name: 'Seksi Identitas Penduduk',
  kind: 'seksi',
  parentCode: 'DUK-DAFDUK',
  path: '/DISDUKCAPIL/DUK-DAFDUK/DUK-IDK/',
  version: 1,
};

export const listUnits = route({
  name: 'list-units',
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Organisasi',
        summary: 'Pohon unit kerja organisasi (OPD → bidang → seksi) / the unit tree',
        description:
          'The whole tree in one answer, in path order: not paged, bounded by design (an organisation has a few hundred units at most). ' +
          'Readable by every signed-in person of the organisation and by agency systems with `directory.read`.',
        responses: {
          200: {
            description: 'Organisation and units in tree order',
            schema: z
              .object({
                organisation: z.object({ orgId: z.string(), name: z.string() }),
                units: z.array(namedUnit),
              })
              .check(id('UnitTree')),
            example: {
              organisation: { orgId: 'kota-medan', name: 'Pemerintah Kota Medan' },
              units: [
                {
                  code: 'DISDUKCAPIL',
                  name: 'Dinas Kependudukan dan Pencatatan Sipil',
                  kind: 'opd',
                  path: '/DISDUKCAPIL/',
                  version: 1,
                },
                unitExample,
              ],
            },
          },
        },
        errors: [],
      },
});

export const createUnit = route({
  name: 'create-unit',
  replays: true,
  body: z.object({
    code: unitCode,
    name: z.string().check(z.trim(), z.minLength(2), z.maxLength(200)),
    kind: unitKind,
    parentCode: z.optional(unitCode),
  }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Organisasi',
        summary: 'Tambah unit kerja / add a unit (Admin BKPSDM; Admin OPD below their OPD)',
        description:
          'A unit under its parent (an OPD has none). Sending the very same unit again answers 200 with the stored unit.',
        bodyExample: {
          code: 'DUK-PIAK',
          name: 'Bidang Pengelolaan Informasi Administrasi Kependudukan',
          kind: 'bidang',
          parentCode: 'DISDUKCAPIL',
        },
        responses: {
          201: { description: 'Created', schema: namedUnit, example: unitExample },
        },
        errors: [400, 403, 409, 422],
      },
});

const unitEmployee = import.meta.bundled
  ? undefined!
  : z
      .extend(employeeSummary, {
        supervisorName: z.optional(
          z.nullable(z.string().check(z.meta({ description: 'Nama atasan / the supervisor’s name' }))),
        ),
      })
      .check(
        id(
          'UnitEmployee',
          'Pegawai dalam daftar unit / a person in a unit listing (agency systems get nip, name, position and unitCode only)',
        ),
      );

export const listUnitEmployees = route({
  name: 'list-unit-employees',
  params: z.object({ code: unitCode }),
  query: z.extend(pageQuery, {
    q: z.optional(
      z.string().check(
        z.trim(),
        z.minLength(1),
        z.maxLength(100),
        z.meta({
          description: 'Awal kata nama atau awal NIP / start of a name word, or a NIP prefix',
          examples: ['rahmat'],
        }),
      ),
    ),
  }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Organisasi',
        summary:
          'Pegawai sebuah unit beserta sub-unitnya, dengan pencarian / people of a unit and its sub-units, searchable',
        description:
          'Paged with `limit`/`cursor`, in unit order. `q` finds people by NIP prefix (digits only) or by the start of any word of ' +
          'their name, ignoring case and accents (`rahmat`, `RAHMAT` and `Rahmát` all find Rahmat). The search reads the ' +
          "unit subtree's own index range (never the whole organisation) and filters it, at most 2,000 people per page: a page " +
          'of a search may hold fewer than `limit` people while `nextCursor` is present; follow it until it is absent. ' +
          'Agency systems (`directory.read`) get nip, name, position and unitCode only.',
        responses: {
          200: {
            description: 'A page of employees, in unit order',
            schema: page(unitEmployee).check(id('UnitEmployeePage')),
            example: {
              items: [
                {
                  nip: '199001152015031003',
                  name: 'Rahmat Hidayat Daulay',
                  position: 'Pengelola Data Kependudukan',
                  unitCode: 'DUK-IDK',
                  supervisorNip: '198203152006041002',
                  supervisorName: 'Rina Marlina Pohan, S.Sos',
                },
              ],
              nextCursor: 's1.eyJwayI6Ii4uLiJ9',
            },
          },
        },
        errors: [400, 403, 404],
      },
});

export const listMachineClients = route({
  name: 'list-machine-clients',
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Organisasi',
        summary: 'Klien mesin terdaftar / the registered machine clients (Admin BKPSDM)',
        description:
          'The agency systems (client-credentials apps) registered to the organisation, by client id: read-only. ' +
          'Registering one, or rotating its secret, stays with IT: `npm run bootstrap -- … --machine-client <clientId> --machine-name "<name>"` ' +
          '(re-running it for a client registered earlier also lists it here). Not paged: at most 100.',
        responses: {
          200: {
            description: 'The registered clients',
            schema: z
              .object({
                items: z.array(
                  z
                    .object({
                      clientId: z.string(),
                      name: z.string(),
                      registeredAt: z.string(),
                      registeredBy: z
                        .string()
                        .check(z.meta({ description: 'Siapa yang mendaftarkan / who registered it' })),
                    })
                    .check(id('MachineClient', 'Klien mesin / a machine client')),
                ),
              })
              .check(id('MachineClientList')),
            example: {
              items: [
                {
                  clientId: 'kinerja-local-machine',
                  name: 'SIAK Disdukcapil front office',
                  registeredAt: '2026-01-05T02:00:00.000Z',
                  registeredBy: 'system:bootstrap',
                },
              ],
            },
          },
        },
        errors: [403],
      },
});
