/**
 * Who may do what. Pure: callers gather the facts (the target's supervisor chain, the caller's acting
 * assignments on the day, unit paths); these functions only decide. Every handler asks here.
 */
import { isWithin, opdOf } from '../domain/units.ts';
import type { Group, UserPrincipal } from './principal.ts';

export type Relation = 'self' | 'direct_supervisor' | 'indirect_supervisor' | 'none';

/**
 * How the actor stands to the target. `chain` is the target's supervisors, nearest first; `actingFor` the NIPs
 * whose position the actor holds as Plt/Plh on the day in question (acting gives the same rights, those days only).
 */
export function relationOf(
  actorNip: string,
  targetNip: string,
  chain: string[],
  actingFor: ReadonlySet<string>,
): Relation {
  if (actorNip === targetNip) return 'self';
  const holds = (nip: string) => nip === actorNip || actingFor.has(nip);
  if (chain.length > 0 && holds(chain[0]!)) return 'direct_supervisor';
  if (chain.slice(1).some(holds)) return 'indirect_supervisor';
  return 'none';
}

const has = (p: UserPrincipal, g: Group) => p.groups.includes(g);

export const isOrgWideReader = (p: UserPrincipal) => has(p, 'admin_bkpsdm') || has(p, 'auditor');

/** Admin OPD manages the OPD their own unit belongs to, and everything below it. */
export const adminOpdPath = (p: UserPrincipal, ownUnitPath: string | undefined): string | undefined =>
  has(p, 'admin_opd') && ownUnitPath ? `/${opdOf(ownUnitPath)}/` : undefined;

export interface TargetFacts {
  relation: Relation;
  targetUnitPath: string;
  actorUnitPath: string | undefined;
}

export function canReadEmployee(p: UserPrincipal, f: TargetFacts): boolean {
  if (f.relation !== 'none' || isOrgWideReader(p)) return true;
  const opd = adminOpdPath(p, f.actorUnitPath);
  return opd !== undefined && isWithin(f.targetUnitPath, opd);
}

/** Creating, changing or importing people in a unit: BKPSDM anywhere, Admin OPD inside their OPD. */
export function canManagePeopleIn(p: UserPrincipal, actorUnitPath: string | undefined, unitPath: string): boolean {
  if (has(p, 'admin_bkpsdm')) return true;
  const opd = adminOpdPath(p, actorUnitPath);
  return opd !== undefined && isWithin(unitPath, opd);
}

/** New units: BKPSDM anywhere (including new OPDs); Admin OPD only below their own OPD. */
export function canCreateUnitUnder(
  p: UserPrincipal,
  actorUnitPath: string | undefined,
  parentPath: string | undefined,
): boolean {
  if (has(p, 'admin_bkpsdm')) return true;
  const opd = adminOpdPath(p, actorUnitPath);
  return opd !== undefined && parentPath !== undefined && isWithin(parentPath, opd);
}

/**
 * Separation of duties: nobody moves themselves in the hierarchy (supervisor, unit, status, type) nor makes
 * themselves someone's supervisor; a second admin must. `change` says what the write does.
 */
export function isSelfServing(
  p: UserPrincipal,
  change: {
    targetNip: string;
    placeChanged: boolean;
    supervisorChanged: boolean;
    newSupervisorNip: string | null | undefined;
  },
): boolean {
  if (change.targetNip === p.nip && change.placeChanged) return true;
  return change.supervisorChanged && change.newSupervisorNip === p.nip;
}

/** The audit trail about a person: auditors, and the person concerned. */
export const canReadAuditOf = (p: UserPrincipal, subjectNip: string): boolean =>
  has(p, 'auditor') || p.nip === subjectNip;

export const canReadOrgAudit = (p: UserPrincipal): boolean => has(p, 'auditor');

/**
 * A unit's plans (the cascade): BKPSDM and auditors, the OPD admin within their OPD, and people whose own unit
 * is that unit or above it (a Kabid sees the seksi below; a seksi's staff see their seksi).
 */
export function canReadUnitPlans(p: UserPrincipal, actorUnitPath: string, unitPath: string): boolean {
  if (isOrgWideReader(p) || isWithin(unitPath, actorUnitPath)) return true;
  const opd = adminOpdPath(p, actorUnitPath);
  return opd !== undefined && isWithin(unitPath, opd);
}

/**
 * A unit's activity monitoring: BKPSDM and auditors, the OPD admin within their OPD, the unit's heads, and people
 * whose own unit is strictly above it. Colleagues of the same unit do not monitor each other.
 */
export function canMonitorUnit(
  p: UserPrincipal,
  actorUnitPath: string,
  unitPath: string,
  isHeadOfUnit: boolean,
): boolean {
  if (isOrgWideReader(p) || isHeadOfUnit) return true;
  if (unitPath !== actorUnitPath && isWithin(unitPath, actorUnitPath)) return true;
  const opd = adminOpdPath(p, actorUnitPath);
  return opd !== undefined && isWithin(unitPath, opd);
}

/**
 * A unit's service indicators: whoever monitors it (see canMonitorUnit), and its own people, who see how their
 * unit serves (though not each colleague's figures: the use case keeps those for monitors).
 */
export const canReadUnitIndicators = (
  p: UserPrincipal,
  actorUnitPath: string,
  unitPath: string,
  isHeadOfUnit: boolean,
): boolean => unitPath === actorUnitPath || canMonitorUnit(p, actorUnitPath, unitPath, isHeadOfUnit);

export const isBkpsdm = (p: UserPrincipal): boolean => has(p, 'admin_bkpsdm');

/**
 * A unit's reward list (names with predikat and nilai kinerja): its head (or Plt/Plh), the supervisors above the
 * head, the OPD admin, BKPSDM and auditors — not colleagues of units above who supervise nobody in it.
 */
export const canReadRewards = (
  p: UserPrincipal,
  actorUnitPath: string,
  unitPath: string,
  isHeadOfUnit: boolean,
  aboveTheHead: boolean,
): boolean => isOrgWideReader(p) || isHeadOfUnit || aboveTheHead || canManagePeopleIn(p, actorUnitPath, unitPath);

/** Following up a unit's complaints: its head (or their Plt/Plh), the OPD admin, BKPSDM — not readers above it. */
export const canFollowUpUnit = (
  p: UserPrincipal,
  actorUnitPath: string,
  unitPath: string,
  isHeadOfUnit: boolean,
): boolean => isHeadOfUnit || canManagePeopleIn(p, actorUnitPath, unitPath);

/** Years, periods and rules belong to BKPSDM. */
export const canManagePeriods = (p: UserPrincipal): boolean => has(p, 'admin_bkpsdm');

/** The organisation's registered machine clients (agency systems): BKPSDM only, who asks IT to register them. */
export const canSeeMachineClients = (p: UserPrincipal): boolean => has(p, 'admin_bkpsdm');

/**
 * How someone decides for a person (their plan, their activities, their behaviour ratings and review):
 * - `supervisor`: the direct supervisor (or the Plt/Plh of that position on the day), on their own judgement;
 * - `recorder`: for a person with no superior in the system (the Sekda, whose superior is the Wali Kota), the
 *   BKPSDM admin records the decision that superior made outside the system.
 */
export type Decider = 'supervisor' | 'recorder';

export interface DeciderFacts {
  relation: Relation;
  /** The person decided for has a supervisor in the system. */
  ownerHasSupervisor: boolean;
  /** The person decided for is the actor's own direct supervisor (the one who rates the actor). */
  ownerIsActorsSupervisor: boolean;
}

/**
 * Who decides for a person, or undefined. Nobody decides for themselves, and nobody rates their own superior:
 * only the person's own direct supervisor decides, and a recorder never records for their own direct supervisor
 * (a conflict of interest the decision's reference does not remove). Everyone in a city is somewhere below the
 * Sekda, so a recorder further down the Sekda's line still records the Wali Kota's decision.
 */
export function deciderFor(p: UserPrincipal, f: DeciderFacts): Decider | undefined {
  if (f.relation === 'self') return undefined;
  if (f.relation === 'direct_supervisor') return 'supervisor';
  if (!f.ownerHasSupervisor && !f.ownerIsActorsSupervisor && has(p, 'admin_bkpsdm')) return 'recorder';
  return undefined;
}

/**
 * Who decides a keberatan: the supervisor's own supervisor, or the BKPSDM admin as designated reviewer — never the
 * employee, never the direct supervisor who rated, and never an admin about their own direct supervisor.
 */
export function canDecideAppeal(
  p: UserPrincipal,
  f: { isEmployee: boolean; isDirectSupervisor: boolean; isSecondLevel: boolean; employeeIsActorsSupervisor: boolean },
): boolean {
  if (f.isEmployee || f.isDirectSupervisor) return false;
  return f.isSecondLevel || (has(p, 'admin_bkpsdm') && !f.employeeIsActorsSupervisor);
}

/**
 * Which appeals queue someone reads: BKPSDM (who may decide any) and auditors (who read everything) the
 * organisation's; a supervisor — the only kind of person ever named second level above someone — their own, the
 * appeals they were named to decide; anyone else none.
 */
export function appealQueueOf(p: UserPrincipal, f: { leadsATeam: boolean }): 'organisation' | 'own' | undefined {
  if (isOrgWideReader(p)) return 'organisation';
  return f.leadsATeam ? 'own' : undefined;
}

/**
 * A person's fairness signals (issue 18): the person, their chain of superiors (or the Plt/Plh of a position in it),
 * BKPSDM and auditors. Not the OPD admin, not colleagues, not supervisors outside the line.
 */
export const canSeeSignalsOf = (p: UserPrincipal, relation: Relation): boolean =>
  relation !== 'none' || isOrgWideReader(p);

/** A supervisor's rater pattern: the supervisor themself, their superiors, BKPSDM and auditors. */
export const canSeeRaterPatternsOf = (p: UserPrincipal, relation: Relation): boolean => canSeeSignalsOf(p, relation);

/**
 * A unit's fairness figures (signals of its people, rater patterns, adoption): BKPSDM and auditors, the unit's heads
 * (or their Plt/Plh today) and the superiors above those heads — the chain every member of the unit shares. Unlike
 * canMonitorUnit, not the OPD admin nor staff of the units above who supervise nobody in it.
 */
export const canSeeFairnessOfUnit = (p: UserPrincipal, f: { isHeadOfUnit: boolean; aboveTheHead: boolean }): boolean =>
  isOrgWideReader(p) || f.isHeadOfUnit || f.aboveTheHead;

export const reasons = {
  notYourData: {
    id: 'data ini bukan milik Anda, bawahan Anda, atau unit yang Anda kelola',
    en: "this is not your data, a subordinate's, or in a unit you manage",
  },
  notAdminHere: {
    id: 'hanya Admin BKPSDM, atau Admin OPD untuk OPD-nya sendiri',
    en: 'only the BKPSDM admin, or the OPD admin for their own OPD',
  },
  selfServing: {
    id: 'perubahan atas posisi Anda sendiri di hierarki, atau yang menjadikan Anda atasan seseorang, harus dilakukan admin lain',
    en: "a change to your own place in the hierarchy, or one making you someone's supervisor, must be made by another admin",
  },
  selfAppointment: {
    id: 'Anda tidak bisa menunjuk diri sendiri sebagai Plt/Plh; penunjukan dilakukan admin lain',
    en: 'you cannot appoint yourself as acting official (Plt/Plh); another admin must',
  },
  bkpsdmOnly: { id: 'hanya Admin BKPSDM', en: 'the BKPSDM admin only' },
  unitHeadOnly: {
    id: 'hanya pimpinan unit (atau Plt/Plh-nya), Admin OPD, atau Admin BKPSDM',
    en: "only the unit's head (or their acting official), the OPD admin or the BKPSDM admin",
  },
  rewardReaders: {
    id: 'hanya pimpinan unit (atau Plt/Plh-nya) dan atasannya, Admin OPD, Admin BKPSDM, atau Auditor',
    en: "only the unit's head (or their acting official) and those above, the OPD admin, BKPSDM or auditors",
  },
  ownActivitiesOnly: {
    id: 'aktivitas hanya dicatat dan diubah oleh pegawai yang bersangkutan',
    en: 'activities are logged and changed by their owner only',
  },
  ownQueueOnly: {
    id: 'antrean verifikasi hanya untuk atasan yang bersangkutan',
    en: "a verification queue is its supervisor's own",
  },
  notActing: {
    id: 'Anda tidak menjabat Plt/Plh untuk posisi itu hari ini',
    en: 'you do not hold that position as acting official today',
  },
  notYourUnit: {
    id: 'unit ini bukan unit Anda atau di bawahnya, dan bukan OPD yang Anda kelola',
    en: 'this unit is not yours or below yours, nor in an OPD you manage',
  },
  ownPlanOnly: {
    id: 'SKP hanya disusun dan diajukan oleh pegawai yang bersangkutan',
    en: 'a plan is written and submitted by its owner only',
  },
  notDirectSupervisor: {
    id: 'hanya atasan langsung (atau Plt/Plh-nya pada tanggal tugas) yang memutuskan SKP ini',
    en: 'only the direct supervisor (or their acting official on the assignment dates) decides on this plan',
  },
  notEvaluator: {
    id: 'hanya atasan langsung (atau Plt/Plh-nya) yang menilai pegawai ini; untuk pejabat tanpa atasan di sistem (Sekda), Admin BKPSDM mencatat keputusan atasannya, kecuali atas atasan langsungnya sendiri',
    en: "only the direct supervisor (or their acting official) evaluates this employee; for an official with no superior in the system (the Sekda), the BKPSDM admin records the superior's decision, never about their own supervisor",
  },
  ownAppealOnly: {
    id: 'keberatan diajukan oleh pegawai yang dinilai',
    en: 'an appeal is filed by the employee evaluated',
  },
  notAppealReviewer: {
    id: 'keberatan diputuskan oleh atasan dari atasan langsung, atau Admin BKPSDM sebagai pejabat yang ditunjuk (tidak atas atasan langsungnya sendiri)',
    en: "an appeal is decided by the supervisor's own supervisor, or the BKPSDM admin as designated reviewer (never about their own supervisor)",
  },
  appealQueueReaders: {
    id: 'antrean keberatan hanya untuk atasan (yang memutuskan keberatan bawahan dari bawahannya), Admin BKPSDM, dan Auditor',
    en: "the appeals queue is for supervisors (who decide their subordinates' subordinates' appeals), BKPSDM and auditors",
  },
  directSupervisorOnly: {
    id: 'umpan balik diberikan oleh atasan langsung (atau Plt/Plh-nya hari ini) kepada bawahannya',
    en: 'feedback is given by the direct supervisor (or their acting official today) to a subordinate',
  },
  feedbackParties: {
    id: 'hanya pegawai yang bersangkutan dan atasan langsungnya',
    en: 'only the employee concerned and their direct supervisor',
  },
  signalReaders: {
    id: 'sinyal keadilan seseorang hanya untuk pegawai itu, atasan dalam garisnya, Admin BKPSDM, dan Auditor',
    en: "a person's fairness signals are for that person, the superiors in their line, BKPSDM and auditors only",
  },
  raterPatternReaders: {
    id: 'pola penilaian seorang atasan hanya untuk atasan itu, atasan dalam garisnya, Admin BKPSDM, dan Auditor',
    en: "a supervisor's rater pattern is for that supervisor, the superiors in their line, BKPSDM and auditors only",
  },
  fairnessUnitReaders: {
    id: 'hanya pimpinan unit (atau Plt/Plh-nya) dan atasannya, Admin BKPSDM, atau Auditor',
    en: "only the unit's head (or their acting official) and those above, BKPSDM or auditors",
  },
  ownSignalsOnly: {
    id: 'sinyal dijawab oleh pegawai yang bersangkutan',
    en: 'a signal is answered by the person concerned only',
  },
  auditorsOnly: { id: 'hanya Auditor (Inspektorat)', en: 'auditors (Inspektorat) only' },
  auditOfOthers: {
    id: 'jejak audit hanya untuk Auditor dan pegawai yang bersangkutan',
    en: 'the audit trail is for auditors and the person concerned only',
  },
} as const;
