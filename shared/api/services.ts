import * as z from 'zod/mini';
import { holidayKinds } from '../domain/holidays.ts';
import { weekdays } from '../domain/service-hours.ts';
import { elementCodes } from '../domain/skm.ts';
import { periodMessages } from '../messages/periods.ts';
import { serviceMessages } from '../messages/services.ts';
import { routeWith } from './route.ts';
import {
  isoDate,
  meta,
  nipParam,
  page,
  pageQuery,
  performanceYear,
  periodId,
  text,
  unitCode,
  wibTime,
} from './schemas.ts';

const route = routeWith(periodMessages, serviceMessages);
const id = (name: string, description?: string) => z.meta({ id: name, ...(description ? { description } : {}) });
const personName = (description: string) =>
  z.nullable(z.string()).check(meta(`${description}; null bila tidak ada di direktori / null if not in the directory`));
const OFFICER = '199001152015031003';

export const serviceTypeCode = z
  .string()
  .check(
    z.regex(/^[a-z0-9][a-z0-9-]{1,39}$/),
    meta('Kode jenis layanan: huruf kecil, angka, tanda hubung / service type code', ['ktp-el']),
  );
const instant = z
  .string()
  .check(
    z.iso.datetime({ offset: true }),
    meta('Waktu dengan zona, ISO 8601 / instant with offset', ['2026-11-27T09:15:00+07:00']),
  );
const externalId = z
  .string()
  .check(
    z.regex(/^[A-Za-z0-9._:/-]{1,100}$/),
    meta("Nomor transaksi di sistem instansi (unik dalam organisasi) / the agency system's id", ['SIAK-2026-000123']),
  );
const nip18 = z.string().check(z.regex(/^\d{18}$/), meta('NIP petugas / officer NIP'));

// ---- Catalogue, hours and holidays ----------------------------------------------------------------------------

export const serviceType = import.meta.bundled
  ? undefined!
  : z
      .object({
        unitCode: z.string(),
        code: z.string(),
        name: z.string(),
        standardMinutes: z.number(),
        active: z.boolean(),
        version: z.number(),
      })
      .check(id('ServiceType', 'Jenis layanan dan waktu standarnya / a service type and its standard time'));
const serviceTypeExample = {
  unitCode: 'DUK-IDK',
  code: 'ktp-el',
  name: 'KTP Elektronik (KTP-el)',
  standardMinutes: 60,
  active: true,
  version: 1,
};

export const listServiceTypes = route({
  name: 'list-service-types',
  params: z.object({ code: unitCode }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Layanan',
        summary: "Jenis layanan sebuah unit dan waktu standarnya / a unit's service types and standard times",
        description:
          'Not paged, bounded by design (a unit offers a few dozen service types at most). Every employee of the organisation, ' +
          'and agency systems with `directory.read` (to map their own service codes).',
        responses: {
          200: {
            description: 'Service types',
            schema: z.object({ items: z.array(serviceType) }).check(id('ServiceTypeList')),
            example: { items: [serviceTypeExample] },
          },
        },
        errors: [400, 404],
      },
});

export const saveServiceType = route({
  name: 'save-service-type',
  params: z.object({ code: unitCode, type: serviceTypeCode }),
  body: z.object({
    name: text(200),
    standardMinutes: z
      .number()
      .check(
        z.int(),
        z.minimum(1),
        z.maximum(60 * 24 * 90),
        meta(
          'Waktu standar (SLA) dalam menit layanan; kebijakan nasional Dinas: 60 / standard time in service minutes',
        ),
      ),
    active: z.optional(z.boolean()),
    expectedVersion: z.optional(z.number().check(z.int(), z.minimum(1))),
  }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Layanan',
        summary: 'Tambah atau ubah jenis layanan / add or change a service type',
        description:
          "Without `expectedVersion` the type is created (409 if it exists); with it, the stored version is replaced (409 if it changed). BKPSDM, or the Admin OPD of the unit's OPD.",
        bodyExample: { name: 'KTP-el (cetak)', standardMinutes: 60 },
        responses: {
          200: { description: 'Changed', schema: serviceType, example: { ...serviceTypeExample, version: 2 } },
          201: { description: 'Created', schema: serviceType, example: serviceTypeExample },
        },
        errors: [400, 403, 404, 409],
      },
});

const interval = z.object({ open: wibTime, close: wibTime });
export const weeklyHours = z.object(
  Object.fromEntries(weekdays.map((d) => [d, z.array(interval).check(z.maxLength(4))])) as Record<
    (typeof weekdays)[number],
    z.ZodMiniArray<typeof interval>
  >,
);
export const serviceHours = import.meta.bundled
  ? undefined!
  : z
      .object({
        unitCode: z.string(),
        effectiveFrom: z.string(),
        weekly: weeklyHours,
        reason: z.string(),
        version: z.number(),
        updatedAt: z.string(),
        updatedBy: z.string(),
      })
      .check(id('ServiceHours', 'Jam layanan mingguan sejak suatu tanggal (WIB) / weekly hours from a date'));
const weekdayHours = [{ open: '08:00', close: '16:00' }];
const hoursExample = {
  unitCode: 'DUK-IDK',
  effectiveFrom: '2026-01-01',
  weekly: {
    mon: weekdayHours,
    tue: weekdayHours,
    wed: weekdayHours,
    thu: weekdayHours,
    fri: [{ open: '08:00', close: '16:30' }],
    sat: [],
    sun: [],
  },
  reason: 'Jam layanan Disdukcapil 2026',
  version: 1,
  updatedAt: '2025-12-20T03:00:00.000Z',
  updatedBy: 'nip:198502102010011002',
};

export const getServiceHours = route({
  name: 'get-service-hours',
  params: z.object({ code: unitCode }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Layanan',
        summary: "Jam layanan unit (WIB), semua versi / a unit's service hours, every version",
        description:
          'Not paged, bounded by design (one version per change of hours, a handful a year). Every employee of the organisation, ' +
          'and agency systems with `directory.read`.',
        responses: {
          200: {
            description: 'Versions, oldest first; the one in force on a day is the latest starting on or before it',
            schema: z.object({ items: z.array(serviceHours) }).check(id('ServiceHoursList')),
            example: { items: [hoursExample] },
          },
        },
        errors: [400, 404],
      },
});

export const addServiceHours = route({
  name: 'add-service-hours',
  params: z.object({ code: unitCode }),
  body: z.object({
    effectiveFrom: isoDate,
    weekly: weeklyHours,
    reason: text(500),
    expectedVersion: z.optional(z.number().check(z.int(), z.minimum(1))),
  }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Layanan',
        summary: 'Tetapkan jam layanan mulai suatu tanggal / set service hours from a date',
        description:
          'A new version in force from `effectiveFrom`; completion times of transactions are computed with the version in force each day. Replacing a version that starts the same day needs its `expectedVersion`.',
        bodyExample: {
          effectiveFrom: '2026-01-01',
          weekly: {
            mon: [{ open: '08:00', close: '20:00' }],
            tue: [{ open: '08:00', close: '20:00' }],
            wed: [{ open: '08:00', close: '20:00' }],
            thu: [{ open: '08:00', close: '20:00' }],
            fri: [{ open: '08:00', close: '20:00' }],
            sat: [{ open: '08:00', close: '12:00' }],
            sun: [],
          },
          reason: 'Jam layanan Disdukcapil 2026',
        },
        responses: {
          201: { description: 'Saved', schema: serviceHours, example: hoursExample },
          200: { description: 'Replaced', schema: serviceHours, example: { ...hoursExample, version: 2 } },
        },
        errors: [400, 403, 404, 409, 422],
      },
});

const holiday = z.object({ date: isoDate, name: text(200), kind: z.enum(holidayKinds) });
export const holidayCalendar = import.meta.bundled
  ? undefined!
  : z
      .object({
        year: z.number(),
        days: z.array(z.object({ date: z.string(), name: z.string(), kind: z.enum(holidayKinds) })),
        version: z.number(),
        reason: z.string(),
        updatedAt: z.string(),
        updatedBy: z.string(),
      })
      .check(id('HolidayCalendar', 'Hari libur dan cuti bersama setahun / the holidays of a year'));
const calendarExample = {
  year: 2026,
  days: [{ date: '2026-08-17', name: 'Hari Kemerdekaan RI', kind: 'libur_nasional' }],
  version: 1,
  reason: 'SKB 3 Menteri 2026',
  updatedAt: '2025-12-01T02:00:00.000Z',
  updatedBy: 'nip:198502102010011002',
};

export const getHolidays = route({
  name: 'get-holidays',
  params: z.object({ year: performanceYear }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Layanan',
        summary: 'Kalender hari libur dan cuti bersama / holiday calendar',
        description:
          'One record a year, bounded by design (at most 100 days). Every employee of the organisation, and agency systems with `directory.read`.',
        responses: {
          200: {
            description: 'The calendar (an empty one with version 0 when none was saved)',
            schema: holidayCalendar,
            example: calendarExample,
          },
        },
        errors: [400],
      },
});

export const saveHolidays = route({
  name: 'save-holidays',
  params: z.object({ year: performanceYear }),
  body: z.object({
    days: z.array(holiday).check(z.maxLength(100)),
    reason: text(500),
    expectedVersion: z.number().check(z.int(), z.minimum(0)),
  }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Layanan',
        summary: 'Simpan kalender libur (Admin BKPSDM) / save the holiday calendar',
        description:
          "Replaces the year's list as a new version (`expectedVersion`: 0 for the first). Every version is kept in the audit trail. Changes apply to completion times computed afterwards.",
        bodyExample: {
          days: [{ date: '2026-08-17', name: 'Hari Kemerdekaan RI', kind: 'libur_nasional' }],
          reason: 'SKB 3 Menteri 2026',
          expectedVersion: 0,
        },
        responses: { 200: { description: 'Saved', schema: holidayCalendar, example: calendarExample } },
        errors: [400, 403, 409, 422],
      },
});

// ---- Transactions ---------------------------------------------------------------------------------------------

export const transactionItem = z.object({
  externalId,
  unitCode,
  serviceType: serviceTypeCode,
  officers: z.array(nip18).check(z.minLength(1), z.maxLength(10), meta('Petugas yang menangani / handling officers')),
  receivedAt: instant,
  completedAt: z.optional(z.nullable(instant)),
  survey: z.optional(z.boolean().check(meta('Buat tautan survei (bawaan true) / make a survey link (default true)'))),
});

export const transactionResult = import.meta.bundled
  ? undefined!
  : z
      .object({
        index: z.number(),
        externalId: z.string(),
        status: z.enum(['created', 'updated', 'unchanged', 'rejected']),
        transaction: z.optional(
          z.object({
            unitCode: z.string(),
            serviceType: z.string(),
            receivedAt: z.string(),
            completedAt: z.nullable(z.string()),
            serviceMinutes: z.nullable(z.number()),
            standardMinutes: z.nullable(z.number()),
            withinStandard: z.nullable(z.boolean()),
            periodIds: z.array(z.string()),
          }),
        ),
        surveyUrl: z.optional(
          z
            .string()
            .check(
              meta('Tautan survei untuk dicetak (URL/QR) pada tanda terima / survey link to print on the receipt'),
            ),
        ),
        surveyExpiresAt: z.optional(z.string()),
        error: z.optional(z.object({ code: z.string(), message: z.string(), details: z.optional(z.unknown()) })),
      })
      .check(id('TransactionResult', 'Hasil satu transaksi / the outcome of one transaction'));

export const pushTransactions = route({
  name: 'push-transactions',
  body: z.object({
    transactions: z
      .array(z.unknown())
      .check(
        z.minLength(1),
        z.maxLength(100),
        meta('Transaksi; tiap butir divalidasi sendiri / items, each validated on its own'),
      ),
    surveyValidDays: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(90))),
  }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Layanan',
        summary:
          'Kirim transaksi layanan (sistem instansi, maks. 100) / push service transactions (agency systems, up to 100)',
        description:
          'Client-credentials token with scope `transactions.write`. Each item is answered on its own (`results[i]`): an unknown NIP, unit or service type rejects that item only. ' +
          'Idempotent by `externalId`: a re-sent transaction is `unchanged` and never counts twice; a later push with `completedAt` completes it (`updated`). ' +
          "Completion time counts the unit's service hours only (WIB, minus holidays). A completed transaction gets a survey link (`surveyUrl`, valid `surveyValidDays`, default 30).",
        bodyExample: {
          transactions: [
            {
              externalId: 'SIAK-2026-000123',
              unitCode: 'DUK-PIAK-KTP',
              serviceType: 'ktp-el',
              officers: ['199001012015031001'],
              receivedAt: '2026-11-27T09:15:00+07:00',
              completedAt: '2026-11-27T09:52:00+07:00',
            },
          ],
        },
        responses: {
          200: {
            description: 'One result per item, in order, and counts',
            schema: z
              .object({
                results: z.array(transactionResult),
                summary: z.object({
                  created: z.number(),
                  updated: z.number(),
                  unchanged: z.number(),
                  rejected: z.number(),
                }),
              })
              .check(id('TransactionPushResult')),
            example: {
              results: [
                {
                  index: 0,
                  externalId: 'SIAK-2026-000123',
                  status: 'created',
                  transaction: {
                    unitCode: 'DUK-PIAK-KTP',
                    serviceType: 'ktp-el',
                    receivedAt: '2026-11-27T02:15:00.000Z',
                    completedAt: '2026-11-27T02:52:00.000Z',
                    serviceMinutes: 37,
                    standardMinutes: 60,
                    withinStandard: true,
                    periodIds: ['2026-11', '2026-Q4', '2026'],
                  },
                  surveyUrl: 'https://kinerja.example.go.id/survey/eyJsIjoi...',
                  surveyExpiresAt: '2026-12-27T02:52:00.000Z',
                },
              ],
              summary: { created: 1, updated: 0, unchanged: 0, rejected: 0 },
            },
          },
        },
        errors: [400, 403],
      },
});

// ---- Survey (citizens, no account) -----------------------------------------------------------------------------

const answer = z.coerce.number().check(z.int(), z.minimum(1), z.maximum(4));

export const getSurveyPage = route({
  name: 'get-survey-page',
  params: z.object({ token: z.string().check(z.maxLength(400)) }),
  errorsAs: 'html',
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Survei',
        summary: 'Halaman survei kepuasan masyarakat (SKM) / the citizen satisfaction survey page',
        description:
          'HTML in Bahasa Indonesia, works without JavaScript. An expired (410), tampered or no longer signed with a live key (400), already answered (409) link, or one naming no service transaction of its unit and service type (404), gets its own page.',
        responses: {
          200: {
            description: 'The form',
            contentType: 'text/html',
            example: '<!doctype html><html lang="id">…</html>',
          },
        },
        errors: [400, 404, 409, 410],
      },
});

export const submitSurvey = route({
  name: 'submit-survey',
  params: z.object({ token: z.string().check(z.maxLength(400)) }),
  bodyType: 'form',
  body: z.object({
    ...Object.fromEntries(elementCodes.map((c) => [c, answer])),
    comment: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
    complaint: z.optional(z.enum(['ya'])),
    contact: z.optional(z.string().check(z.trim(), z.maxLength(254))),
  } as Record<(typeof elementCodes)[number], typeof answer> & {
    comment: z.ZodMiniOptional<z.ZodMiniString>;
    complaint: z.ZodMiniOptional<z.ZodMiniEnum<{ ya: 'ya' }>>;
    contact: z.ZodMiniOptional<z.ZodMiniString>;
  }),
  errorsAs: 'html',
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Survei',
        summary: 'Kirim jawaban survei (form) / submit the survey (form post)',
        description:
          "The nine SKM elements (u1–u9), each answered 1–4 from the element's own four answers (PermenPANRB 14/2017), an optional comment and complaint, and an optional `contact` (phone or e-mail, 422 when it is neither) kept only when the response is passed on for follow-up. One answer per link (409 after); a link naming no service transaction of its unit and service type is refused (404) and counts nothing. Low ratings and complaints go to the unit head for follow-up.",
        bodyExample: 'u1=4&u2=4&u3=3&u4=4&u5=4&u6=4&u7=4&u8=3&u9=4&comment=Pelayanan+cepat',
        responses: {
          200: {
            description: 'Thank-you page',
            contentType: 'text/html',
            example: '<!doctype html><html lang="id">…</html>',
          },
        },
        errors: [400, 404, 409, 410],
      },
});

// ---- Indicators and follow-ups ----------------------------------------------------------------------------------

const indicatorFields = import.meta.bundled
  ? undefined!
  : {
      served: z.number(),
      withinStandard: z.number(),
      withinStandardPct: z.nullable(z.number()),
      late: z.number().check(meta('Selesai melewati waktu standar / completed later than the standard')),
      latePct: z
        .nullable(z.number())
        .check(meta('Persentase terlambat / share completed late (100 − withinStandardPct)')),
      medianMinutes: z.nullable(z.number()),
      survey: z.object({
        respondents: z.number(),
        ikm: z.nullable(z.number()),
        grade: z.nullable(z.enum(['A', 'B', 'C', 'D'])),
        performance: z.nullable(z.object({ id: z.string(), en: z.string() })),
        nrr: z.nullable(z.record(z.string(), z.number())),
        sampleTarget: z.number(),
        provisional: z.boolean(),
      }),
      followUps: z.number(),
    };
const indicators = import.meta.bundled
  ? undefined!
  : z.object(indicatorFields).check(id('ServiceIndicators', 'Indikator layanan / service indicators'));
const indicatorsExample = {
  served: 412,
  withinStandard: 398,
  withinStandardPct: 96.6,
  late: 14,
  latePct: 3.4,
  medianMinutes: 34,
  survey: {
    respondents: 205,
    ikm: 88.4,
    grade: 'A',
    performance: { id: 'Sangat Baik', en: 'Very good' },
    nrr: { u1: 3.6, u2: 3.52 },
    sampleTarget: 196,
    provisional: false,
  },
  followUps: 2,
};

export const getUnitServiceIndicators = route({
  name: 'get-unit-service-indicators',
  params: z.object({ code: unitCode, periodId }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Layanan',
        summary:
          "Indikator layanan unit beserta sub-unitnya per periode / a unit's service indicators, rolled up over its subtree",
        description:
          'Served, % within standard and late, median completion time (service minutes), IKM with grade and whether the sample reaches the Krejcie–Morgan size (else `provisional`). ' +
          'A bidang or an OPD shows the roll-up of its whole subtree in `unit`: counts, answer sums and completion-time histograms are summed first and every figure is derived from the sums, so the IKM is that of all responses below (never an average of averages) and the sample size is that of everything served. ' +
          '`own` is what the unit recorded itself, `children` each direct child unit with its subtree, `serviceTypes` each service type of each unit, `officers` each officer over the subtree. ' +
          "For the unit's heads, people of units above it, the OPD admin, BKPSDM and auditors; the unit's own people read it too, with only their own row in `officers`.",
        responses: {
          200: {
            description: 'Indicators',
            schema: z
              .object({
                unitCode: z.string(),
                periodId: z.string(),
                unit: indicators,
                own: indicators,
                children: z.array(
                  z
                    .object({
                      ...indicatorFields,
                      unitCode: z.string(),
                      name: z.string(),
                      kind: z.enum(['opd', 'bidang', 'seksi']),
                    })
                    .check(
                      id('ChildUnitIndicators', 'Satu sub-unit langsung / one direct child unit, with its subtree'),
                    ),
                ),
                serviceTypes: z.array(
                  z
                    .object({
                      ...indicatorFields,
                      unitCode: z.string(),
                      serviceType: z.string(),
                      name: z.string(),
                      standardMinutes: z.nullable(z.number()),
                    })
                    .check(id('ServiceTypeIndicators')),
                ),
                officers: z.array(
                  z.object({ ...indicatorFields, nip: z.string(), name: z.string() }).check(id('OfficerIndicators')),
                ),
              })
              .check(id('UnitServiceIndicators')),
            example: {
              unitCode: 'DUK-DAFDUK',
              periodId: '2026-11',
              unit: indicatorsExample,
              own: {
                ...indicatorsExample,
                served: 0,
                withinStandard: 0,
                withinStandardPct: null,
                late: 0,
                latePct: null,
                medianMinutes: null,
                survey: {
                  respondents: 0,
                  ikm: null,
                  grade: null,
                  performance: null,
                  nrr: null,
                  sampleTarget: 0,
                  provisional: false,
                },
                followUps: 0,
              },
              children: [
                { ...indicatorsExample, unitCode: 'DUK-IDK', name: 'Seksi Identitas Penduduk', kind: 'seksi' },
              ],
              serviceTypes: [
                {
                  ...indicatorsExample,
                  unitCode: 'DUK-IDK',
                  serviceType: 'ktp-el',
                  name: 'KTP Elektronik (KTP-el)',
                  standardMinutes: 60,
                },
              ],
              officers: [{ ...indicatorsExample, nip: OFFICER, name: 'Rahmat Hidayat Daulay' }],
            },
          },
        },
        errors: [400, 403, 404],
      },
});

export const getUnitServiceTrend = route({
  name: 'get-unit-service-trend',
  params: z.object({ code: unitCode, year: performanceYear }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Layanan',
        summary:
          "Tren indikator layanan unit per bulan dalam setahun / a unit's service indicators per month of a year",
        description:
          'The same indicators as `…/service-indicators/{periodId}`, rolled up over the whole subtree, for each period of the year but the year itself (twelve months, or four quarters when the year runs by quarter), in order: one request for a year-long trend instead of one per month. ' +
          'Read from the running totals (one query per unit of the subtree for the whole year), never from the transactions. ' +
          '`standards` lists the distinct standard completion times (service minutes) of the service types in the subtree, to hold the median against. ' +
          'The same readers as the indicators (there are no officers here); 404 when the unit or the year does not exist.',
        responses: {
          200: {
            description: 'One entry per period of the year, in order',
            schema: z
              .object({
                unitCode: z.string(),
                year: z.number(),
                standards: z.array(z.number()),
                periods: z.array(
                  z
                    .object({
                      ...indicatorFields,
                      periodId: z.string(),
                      kind: z.enum(['month', 'quarter']),
                      start: isoDate,
                      end: isoDate,
                    })
                    .check(id('PeriodServiceIndicators', 'Indikator satu periode / the indicators of one period')),
                ),
              })
              .check(id('UnitServiceTrend')),
            example: {
              unitCode: 'DUK',
              year: 2026,
              standards: [60],
              periods: [
                { ...indicatorsExample, periodId: '2026-11', kind: 'month', start: '2026-11-01', end: '2026-11-30' },
              ],
            },
          },
        },
        errors: [400, 403, 404],
      },
});

export const getEmployeeServiceIndicators = route({
  name: 'get-employee-service-indicators',
  params: z.object({ nip: nipParam, periodId }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Layanan',
        summary: "Indikator layanan seorang petugas per periode / an officer's service indicators",
        description:
          'The same indicators, combined over the units the officer served and per unit (bounded: a few units at most). The officer, their supervisors, admins and auditors.',
        responses: {
          200: {
            description: 'Combined over the units served, and per unit',
            schema: z
              .object({
                nip: z.string(),
                periodId: z.string(),
                combined: indicators,
                units: z.array(
                  z.object({ ...indicatorFields, unitCode: z.string() }).check(id('UnitIndicatorsOfOfficer')),
                ),
              })
              .check(id('EmployeeServiceIndicators')),
            example: {
              nip: OFFICER,
              periodId: '2026-11',
              combined: indicatorsExample,
              units: [{ ...indicatorsExample, unitCode: 'DUK-IDK' }],
            },
          },
        },
        errors: [400, 403, 404],
      },
});

export const followUp = import.meta.bundled
  ? undefined!
  : z
      .object({
        id: z.string(),
        unitCode: z.string(),
        serviceType: z.string(),
        serviceName: z.nullable(z.string()).check(meta('Nama jenis layanan / the service type’s name')),
        reasons: z.array(z.string()),
        reference: z
          .nullable(z.string())
          .check(meta('Nomor transaksi pada sistem instansi / the agency’s transaction reference')),
        contact: z.optional(
          z
            .object({ kind: z.enum(['phone', 'email']), value: z.string() })
            .check(
              meta(
                'Kontak warga untuk tindak lanjut, hanya bagi yang menindaklanjuti, sampai diselesaikan / the citizen’s contact, for those handling it only, until resolved',
              ),
            ),
        ),
        answers: z.record(z.string(), z.number()),
        comment: z.nullable(z.string()),
        submittedAt: z.string(),
        dueAt: z.string(),
        overdue: z.boolean(),
        status: z.enum(['open', 'resolved']),
        resolution: z.optional(
          z.object({
            note: z.string(),
            by: z.string(),
            byName: personName('Nama penindak / who resolved it'),
            at: z.string(),
          }),
        ),
        version: z.number(),
      })
      .check(id('SurveyFollowUp', 'Pengaduan atau nilai rendah untuk ditindaklanjuti / a complaint or low rating'));
const followUpExample = {
  id: 'fu_01JDQ3V4M8X2K9R5T7W1',
  unitCode: 'DUK-IDK',
  serviceType: 'ktp-el',
  serviceName: 'KTP Elektronik (KTP-el)',
  reasons: ['complaint', 'element_rated_1'],
  reference: 'SIAK-2026-000123',
  contact: { kind: 'phone', value: '+6281234567890' },
  answers: { u1: 4, u2: 3, u3: 1, u4: 4, u5: 4, u6: 4, u7: 4, u8: 3, u9: 4 },
  comment: 'Petugas tidak ramah',
  submittedAt: '2026-11-27T03:00:00.000Z',
  dueAt: '2026-11-29T03:00:00.000Z',
  overdue: false,
  status: 'open',
  version: 1,
};

export const listSurveyFollowUps = route({
  name: 'list-survey-follow-ups',
  params: z.object({ code: unitCode }),
  query: z.extend(pageQuery, { status: z.optional(z.enum(['open', 'resolved'])) }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Survei',
        summary:
          'Pengaduan dan nilai rendah yang perlu ditindaklanjuti (2×24 jam) / complaints and low ratings to follow up',
        description:
          'Paged with `limit`/`cursor`, newest first; `status` filters a page, so a page may hold fewer than `limit` while `nextCursor` is present. ' +
          "With the service's name, the agency's transaction `reference` and the name of who resolved it. The unit's heads, people of units above it, the OPD admin, BKPSDM and auditors; the citizen's `contact` (when left) only to those who may resolve it (the unit head or their Plt/Plh, the OPD admin, BKPSDM), until it is resolved.",
        responses: {
          200: {
            description: 'Newest first',
            schema: page(followUp).check(id('SurveyFollowUpPage')),
            example: { items: [followUpExample], nextCursor: 's1.eyJwayI6Ii4uLiJ9' },
          },
        },
        errors: [400, 403, 404],
      },
});

export const resolveSurveyFollowUp = route({
  name: 'resolve-survey-follow-up',
  params: z.object({ code: unitCode, id: z.string().check(z.regex(/^[A-Za-z0-9_-]{10,80}$/)) }),
  body: z.object({ note: text(2000) }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Survei',
        summary: 'Catat tindak lanjut / record the follow-up',
        description: 'The unit head (or their Plt/Plh), the OPD admin or BKPSDM; once (409 when already resolved).',
        bodyExample: { note: 'Pemohon dihubungi; KTP-el dicetak ulang 28/11.' },
        responses: {
          200: {
            description: 'Resolved',
            schema: followUp,
            example: {
              ...followUpExample,
              status: 'resolved',
              resolution: {
                note: 'Pemohon dihubungi; KTP-el dicetak ulang 28/11.',
                by: 'nip:198203152006041002',
                byName: 'Rina Marlina Pohan, S.Sos',
                at: '2026-11-28T02:00:00.000Z',
              },
              version: 2,
            },
          },
        },
        errors: [400, 403, 404, 409],
      },
});
