/**
 * Printed documents: the Dokumen SKP of a plan version and the Dokumen Evaluasi Kinerja of a period, each with a
 * verifiable print (a code and the public page it opens). Readers are those of the data inside: the same checks as
 * get-plan and get-evaluation (the person, their supervisors, the admins of their OPD, BKPSDM, auditors). Every
 * download updates the print's record, which the audit trail records (entity `Print`, the downloader as actor).
 */
import { randomBytes } from 'node:crypto';
import type { DocDefinition, PrintedPerson } from '../domain/documents/pdf-common.ts';
import { evaluationDocument, periodLabel } from '../domain/documents/pdf-evaluation.ts';
import {
  CODE_BYTES,
  documentRef,
  encodeCode,
  evaluationFingerprint,
  normaliseCode,
  type PrintKind,
  type PrintRecord,
  skpFingerprint,
  type VerificationView,
  verificationView,
} from '../domain/documents/pdf-prints.ts';
import { isApprovedState, skpDocument } from '../domain/documents/pdf-skp.ts';
import { finalisationOf, stateAt } from '../domain/evaluation-finalisation.ts';
import { wibDate, yearOf } from '../domain/time.ts';
import { opdOf } from '../domain/units.ts';
import { DomainError, notFound } from '../messages/errors.ts';
import { type Employee, EmployeeRepository } from '../store/employees.ts';
import { EvaluationRepository } from '../store/evaluations.ts';
import { OrgScope } from '../store/org-scope.ts';
import { PlanRepository } from '../store/plans.ts';
import { PrintRepository } from '../store/prints.ts';
import { UnitRepository } from '../store/units.ts';
import { YearRepository } from '../store/years.ts';
import { readableEmployee } from './access.ts';
import { recordDownload } from './audit.ts';
import { type UseCaseContext, writeContextOf } from './context.ts';
import { evaluationWithOutcome } from './evaluations.ts';

/** Where the documents say they were signed: the city whose civil servants these are. */
export const PLACE = 'Medan';

/** A document ready to render, with the file name it is downloaded as. */
export interface PrintedDocument {
  definition: DocDefinition;
  filename: string;
  code: string;
}

/** The public address of a print's verification page: the organisation and the code. */
export const verificationUrl = (baseUrl: string, orgId: string, code: string): string =>
  `${baseUrl}/v/${orgId}/${code}`;

/** People as printed: name, NIP, position and their unit's name (one batch read of the units). */
async function printedPeople(scope: OrgScope, people: (Employee | undefined)[]): Promise<(PrintedPerson | null)[]> {
  const units = new UnitRepository(scope);
  const codes = [...new Set(people.flatMap((p) => (p ? [p.unitCode] : [])))];
  const names = new Map(await Promise.all(codes.map(async (c) => [c, (await units.get(c))?.name ?? c] as const)));
  return people.map((p) =>
    p ? { name: p.name, nip: p.nip, position: p.position, unitName: names.get(p.unitCode) ?? p.unitCode } : null,
  );
}

/**
 * The print of this document with this content: the one made before (its code reused), else a new one with a
 * fresh code. Either way the download is recorded in the audit trail (a `Download` entry, as for every document
 * served, naming the print's code), before the document goes out.
 */
async function printOf(ctx: UseCaseContext, p: Omit<PrintRecord, 'code' | 'printedAt'>): Promise<PrintRecord> {
  const prints = new PrintRepository(ctx.scope);
  const write = writeContextOf(ctx);
  let print = await prints.find(p.nip, p.ref, p.fingerprint);
  // 80 random bits: a collision is all but impossible, but a taken code is never overwritten.
  for (let attempt = 0; !print && attempt < 3; attempt++) {
    const record = { ...p, code: encodeCode(randomBytes(CODE_BYTES)), printedAt: write.now };
    if (await prints.create(record, write)) print = record;
  }
  if (!print) throw new Error('could not draw an unused print code');
  await recordDownload(ctx, {
    document: `${print.kind}:${print.nip}:${print.ref.split('#').slice(1).join(':')}`,
    subjectNip: print.nip,
    details: { kind: print.kind, title: print.title, code: print.code, draft: print.draft, date: print.date },
  });
  return print;
}

/** The Dokumen SKP of a plan version (the latest when none is named). */
export async function skpDocumentOf(
  ctx: UseCaseContext,
  nipParam: string,
  year: number,
  planVersion: number | undefined,
  baseUrl: string,
): Promise<PrintedDocument> {
  const { target } = await readableEmployee(ctx, nipParam);
  const plans = new PlanRepository(ctx.scope);
  const versions = await plans.versions(target.nip, year);
  const plan = planVersion === undefined ? versions.at(-1) : versions.find((v) => v.planVersion === planVersion);
  if (!plan) throw notFound('plan');

  // The pejabat penilai the plan was submitted to, else the owner's direct supervisor today.
  const penilaiNip = plan.supervisorNip ?? target.supervisorNip ?? null;
  const [penilai, supervisorVersions, organisation] = await Promise.all([
    penilaiNip ? new EmployeeRepository(ctx.scope).get(penilaiNip) : undefined,
    penilaiNip ? plans.versions(penilaiNip, year) : [],
    new UnitRepository(ctx.scope).organisation(),
  ]);
  const [pegawai, penilaiPrinted] = await printedPeople(ctx.scope, [target, penilai]);
  // Titles of the pimpinan's RHK this plan intervenes, from every version of theirs (the latest title wins).
  const parentTitles = new Map(supervisorVersions.flatMap((v) => v.rhk.map((r) => [r.id, r.title] as const)));

  const approved = isApprovedState(plan.state);
  const title = `SKP ${year} versi ${plan.planVersion}`;
  const print = await printOf(ctx, {
    kind: 'skp',
    nip: target.nip,
    name: target.name,
    ref: documentRef({ kind: 'skp', year, planVersion: plan.planVersion }),
    fingerprint: skpFingerprint(plan),
    title,
    // An approved plan is dated the day it was approved; a draft, the day it was first printed as it is.
    date: approved && plan.decidedAt ? wibDate(new Date(plan.decidedAt)) : wibDate(ctx.now),
    draft: !approved,
  });
  const definition = skpDocument({
    organisation: organisation?.name ?? ctx.scope.orgId,
    year,
    planVersion: plan.planVersion,
    state: plan.state,
    ...(plan.effectiveFrom ? { effectiveFrom: plan.effectiveFrom } : {}),
    ...(plan.effectiveTo ? { effectiveTo: plan.effectiveTo } : {}),
    ...(plan.reason ? { reason: plan.reason } : {}),
    pegawai: pegawai!,
    penilai: penilaiPrinted ?? null,
    rhk: plan.rhk,
    parentTitles,
    place: PLACE,
    date: print.date,
    verification: { url: verificationUrl(baseUrl, ctx.scope.orgId, print.code), code: print.code },
  });
  return { definition, filename: `SKP-${year}-${target.nip}-v${plan.planVersion}.pdf`, code: print.code };
}

/** The Dokumen Evaluasi Kinerja of a period (the annual one for a year's id), with the figures get-evaluation shows. */
export async function evaluationDocumentOf(
  ctx: UseCaseContext,
  nipParam: string,
  periodId: string,
  baseUrl: string,
): Promise<PrintedDocument> {
  const evaluation = await evaluationWithOutcome(ctx, nipParam, periodId);
  const nip = evaluation.nip;
  const people = new EmployeeRepository(ctx.scope);
  const target = nip === ctx.actor.nip ? ctx.actor : await people.get(nip);
  if (!target) throw notFound('employee');
  // The pejabat penilai is the supervisor the run scored the person under; the atasan is that person's supervisor.
  const penilaiNip = evaluation.supervisorNip ?? target.supervisorNip ?? null;
  const [penilai, plan, period, organisation] = await Promise.all([
    penilaiNip ? people.get(penilaiNip) : undefined,
    evaluation.planVersion
      ? new PlanRepository(ctx.scope)
          .getMany([{ nip, year: yearOf(periodId), planVersion: evaluation.planVersion }])
          .then((p) => p[0])
      : undefined,
    new YearRepository(ctx.scope).findPeriod(periodId),
    new UnitRepository(ctx.scope).organisation(),
  ]);
  const atasan = penilai?.supervisorNip ? await people.get(penilai.supervisorNip) : undefined;
  const [pegawai, penilaiPrinted, atasanPrinted] = await printedPeople(ctx.scope, [target, penilai, atasan]);

  const final = evaluation.periodState === 'finalised';
  const finalised = final ? finalisationOf(period, opdOf(evaluation.unitPath ?? target.unitPath)) : undefined;
  const print = await printOf(ctx, {
    kind: 'evaluation',
    nip,
    name: target.name,
    ref: documentRef({ kind: 'evaluation', periodId }),
    fingerprint: evaluationFingerprint(evaluation, evaluation.periodState),
    title: `Evaluasi Kinerja ${periodLabel(periodId)}`,
    // A final evaluation is dated the day its OPD was finalised; one not final yet, the day it was printed.
    date: finalised ? wibDate(new Date(finalised.at)) : wibDate(ctx.now),
    draft: !final,
  });
  const definition = evaluationDocument({
    organisation: organisation?.name ?? ctx.scope.orgId,
    periodId,
    periodState: evaluation.periodState,
    pegawai: pegawai!,
    penilai: penilaiPrinted ?? null,
    atasanPenilai: atasanPrinted ?? null,
    planVersion: evaluation.planVersion ?? null,
    indicators: evaluation.hasilKerja?.indicators ?? [],
    rhkTitles: new Map((plan?.rhk ?? []).map((r) => [r.id, r.title])),
    ikiUnits: new Map((plan?.rhk ?? []).flatMap((r) => r.iki.map((k) => [k.id, k.unit] as const))),
    nilaiKinerja: evaluation.hasilKerja ? evaluation.hasilKerja.nilaiKinerja : null,
    behaviour: evaluation.behaviour?.values ?? null,
    outcome: evaluation.outcome,
    place: PLACE,
    date: print.date,
    verification: { url: verificationUrl(baseUrl, ctx.scope.orgId, print.code), code: print.code },
  });
  return { definition, filename: `Evaluasi-${periodId}-${nip}.pdf`, code: print.code };
}

/** Organisation ids as the data layer accepts them (see OrgScope): anything else cannot hold a print. */
const ORG_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** The fingerprint the document would have if printed now; undefined once it no longer exists. */
async function currentFingerprint(scope: OrgScope, print: PrintRecord): Promise<string | undefined> {
  if (print.kind === 'skp') {
    const [, year, v] = print.ref.split('#');
    const versions = await new PlanRepository(scope).versions(print.nip, Number(year));
    const plan = versions.find((p) => `V${String(p.planVersion).padStart(3, '0')}` === v);
    return plan ? skpFingerprint(plan) : undefined;
  }
  const periodId = print.ref.slice('EVAL#'.length);
  const [evaluation, period] = await Promise.all([
    new EvaluationRepository(scope).get(print.nip, periodId),
    new YearRepository(scope).findPeriod(periodId),
  ]);
  if (!evaluation) return undefined;
  const state = stateAt(period, evaluation.unitPath);
  return evaluationFingerprint(evaluation, state);
}

/**
 * What the public verification page shows of a print: its kind, title, owner (name and NIP as printed), date and
 * whether it is still the current document. Anyone holding the code may ask; an unknown code is 404.
 */
export async function verifyPrint(orgId: string, codeParam: string): Promise<VerificationView> {
  const code = normaliseCode(codeParam);
  if (!ORG_ID.test(orgId) || !code) throw new DomainError('print_unknown');
  const scope = new OrgScope(orgId);
  const print = await new PrintRepository(scope).get(code);
  if (!print) throw new DomainError('print_unknown');
  return verificationView(print, await currentFingerprint(scope, print));
}

export type { PrintKind };
