/** Seeds the demo organisation through the same repositories the handlers use, so the audit trail shows it. */

import { periodIdFor, toMinutes } from '../../shared/domain/activities.ts';
import { checkNip } from '../../shared/domain/nip.ts';
import { wibDate } from '../../shared/domain/time.ts';
import { unitPath } from '../../shared/domain/units.ts';
import { DomainError } from '../../shared/messages/errors.ts';
import { httpStatusOf } from '../../shared/messages/status.ts';
import { ActivityRepository } from '../../shared/store/activities.ts';
import { EmployeeRepository } from '../../shared/store/employees.ts';
import { HolidayRepository } from '../../shared/store/holidays.ts';
import { registerMachineClient } from '../../shared/store/machine-clients.ts';
import { OrgScope } from '../../shared/store/org-scope.ts';
import { PlanRepository } from '../../shared/store/plans.ts';
import { ServiceCatalogueRepository } from '../../shared/store/service-catalogue.ts';
import { UnitRepository } from '../../shared/store/units.ts';
import { YearRepository } from '../../shared/store/years.ts';
import {
  DEMO_MACHINE_CLIENT,
  DEMO_ORG,
  demoHolidays2026,
  demoPeople,
  demoServiceHours,
  demoServiceTypes,
  demoUnits,
} from './demo-data.ts';

export async function isSeeded(): Promise<boolean> {
  return (await new UnitRepository(new OrgScope(DEMO_ORG.orgId)).organisation()) !== undefined;
}

/** `withWork` adds approved plans down one line of the hierarchy and a few pending activities (for `npm start`). */
export async function seedDemo(options: { withWork?: boolean } = {}): Promise<void> {
  const scope = new OrgScope(DEMO_ORG.orgId);
  const ctx = { actor: 'system:seed', now: new Date().toISOString() };
  const units = new UnitRepository(scope);
  const paths = new Map<string, string>();
  for (const u of demoUnits) {
    const path = unitPath(u.parentCode ? paths.get(u.parentCode) : undefined, u.code);
    paths.set(u.code, path);
    // Creates replay on identical records, so a seed interrupted half-way simply runs again.
    await units.create({ ...u, path }, ctx);
  }
  const employees = new EmployeeRepository(scope);
  for (const person of demoPeople) {
    const check = checkNip(person.nip, person.employmentType);
    if (!check.ok) throw new Error(`demo NIP ${person.nip}: ${check.reason.en}`);
    await employees.create(
      {
        nip: person.nip,
        name: person.name,
        position: person.position,
        employmentType: person.employmentType,
        unitCode: person.unitCode,
        unitPath: paths.get(person.unitCode)!,
        supervisorNip: person.supervisorNip,
        status: 'active',
      },
      ctx,
    );
  }
  // The current performance year, monthly, so plans can be written right away.
  const year = Number(wibDate(new Date()).slice(0, 4));
  await new YearRepository(scope).open(year, 'monthly', ctx).catch((err: unknown) => {
    if (!(err instanceof DomainError && err.code === 'year_exists')) throw err;
  });
  await seedServices(scope, ctx);
  if (options.withWork) await seedWork(scope, year, ctx);
  await registerMachineClient(DEMO_MACHINE_CLIENT.clientId, DEMO_ORG.orgId, DEMO_MACHINE_CLIENT.name, 'system:seed');
  // Last, so a seed interrupted half-way is redone from scratch on the next start.
  await units.saveOrganisation(DEMO_ORG.name, ctx);
}

/**
 * Approved plans from the Sekda through the Kepala Dinas down to one Pegawai (cascaded), and two pending activities of that
 * Pegawai from yesterday, so the plan, verification and monitoring views have something to show.
 */
async function seedWork(scope: OrgScope, year: number, ctx: { actor: string; now: string }): Promise<void> {
  const plans = new PlanRepository(scope);
  const iki = (
    id: string,
    name: string,
    weight: number,
    unit: string,
    value: number,
    source: 'activities' | 'service' | 'manual' = 'activities',
  ) => ({
    id,
    name,
    aspect: 'kuantitas' as const,
    target: { kind: 'single' as const, value },
    unit,
    direction: 'higher' as const,
    weight,
    source,
    ...(source === 'service' ? { serviceMetric: 'within_standard_pct' as const } : {}),
  });
  const chain = [
    {
      nip: '196805201990031001',
      rhk: {
        id: 'sekda-1',
        title: 'Meningkatnya kualitas pelayanan publik Pemerintah Kota Medan',
        unitGoal: 'Indeks Pelayanan Publik Kota Medan minimal 4,0 (A-)',
      },
      iki: [iki('sekda-1-a', 'OPD pelayanan dengan IKM mutu A', 100, 'OPD', 10)],
    },
    {
      nip: '197206151998031004',
      rhk: {
        id: 'kadis-1',
        title: 'Meningkatnya kualitas layanan administrasi kependudukan',
        parentRhkId: 'sekda-1',
      },
      iki: [iki('kadis-1-a', 'Persentase dokumen selesai tepat waktu', 100, 'persen', 95, 'service')],
    },
    {
      nip: '197808172003121003',
      rhk: { id: 'kabid-1', title: 'Terlayaninya pendaftaran penduduk tepat waktu', parentRhkId: 'kadis-1' },
      iki: [iki('kabid-1-a', 'Dokumen pendaftaran penduduk diterbitkan', 100, 'dokumen', 24000)],
    },
    {
      nip: '198203152006041002',
      rhk: { id: 'kasi-1', title: 'Terlaksananya perekaman dan pencetakan KTP-el', parentRhkId: 'kabid-1' },
      iki: [iki('kasi-1-a', 'KTP-el tercetak', 100, 'keping', 12000)],
    },
    {
      nip: '199001152015031003',
      rhk: { id: 'rahmat-1', title: 'Terekamnya data KTP-el pemohon', parentRhkId: 'kasi-1' },
      iki: [
        iki('rahmat-1-a', 'Pemohon KTP-el yang direkam', 70, 'orang', 2400),
        iki('rahmat-1-b', 'Berkas diverifikasi tanpa kesalahan', 30, 'berkas', 2400),
      ],
    },
  ];
  for (const p of chain) {
    if (await plans.latest(p.nip, year)) continue;
    await plans.add(
      {
        nip: p.nip,
        year,
        planVersion: 1,
        state: 'approved',
        effectiveFrom: `${year}-01-01`,
        decidedAt: ctx.now,
        decidedBy: 'system:seed',
        rhk: [{ kind: 'utama', ...p.rhk, iki: p.iki }],
      },
      ctx,
    );
  }
  const date = wibDate(new Date(Date.now() - 86_400_000));
  const years = new YearRepository(scope);
  const found = await years.getWithRules(Number(date.slice(0, 4)));
  const period = found?.year.periods.find((x) => x.id === periodIdFor(date, found.year.cadence));
  const activities = new ActivityRepository(scope);
  if (
    !found ||
    !period ||
    period.state !== 'open' ||
    (await activities.range('199001152015031003', date, date)).length > 0
  )
    return;
  for (const [start, end, qty, ikiId, description] of [
    ['08:00', '10:30', 18, 'rahmat-1-a', 'Perekaman KTP-el pemohon di loket 2'],
    ['10:30', '12:00', 40, 'rahmat-1-b', 'Verifikasi berkas permohonan KTP-el'],
  ] as const) {
    await activities.apply(
      {
        after: {
          id: activities.newId(),
          nip: '199001152015031003',
          date,
          start,
          end,
          minutes: toMinutes(end) - toMinutes(start),
          description,
          year: Number(date.slice(0, 4)),
          periodId: period.id,
          rhkId: 'rahmat-1',
          ikiId,
          planVersion: 1,
          outputQuantity: qty,
          outputUnit: ikiId.endsWith('a') ? 'orang' : 'berkas',
          evidence: [],
          status: 'pending',
          supervisorNip: '198203152006041002',
        },
      },
      found.rules.current.dailyMinuteCap,
      ctx,
    );
  }
}

/** Disdukcapil's service catalogue and hours, and the 2026 holiday calendar; existing records are kept. */
async function seedServices(scope: OrgScope, ctx: { actor: string; now: string }): Promise<void> {
  const kept = (err: unknown) => {
    if (!(err instanceof DomainError && httpStatusOf(err.code) === 409)) throw err;
  };
  const catalogue = new ServiceCatalogueRepository(scope);
  for (const t of demoServiceTypes) await catalogue.saveType({ ...t, active: true }, undefined, ctx).catch(kept);
  for (const unitCode of new Set(demoServiceTypes.map((t) => t.unitCode))) {
    await catalogue
      .saveHours(
        unitCode,
        { effectiveFrom: '2026-01-01', weekly: demoServiceHours },
        'Jam layanan Disdukcapil (data demo)',
        undefined,
        ctx,
      )
      .catch(kept);
  }
  await new HolidayRepository(scope)
    .save(
      2026,
      demoHolidays2026,
      'Libur nasional dan cuti bersama 2026, SKB 3 Menteri (data demo: cocokkan dengan SKB)',
      0,
      ctx,
    )
    .catch(kept);
}
