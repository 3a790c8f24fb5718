import { DEMO_ORG, demoPeople } from '../../infra/local/demo-data.ts';
import type { Issuer } from '../../infra/local/issuer.ts';

const byRole = (role: string) => demoPeople.find((p) => p.demoRole === role)!.nip;

/** Demo people by the part they play in tests. */
export const who = {
  kadis: byRole('Kepala Dinas (atasan)'),
  kabid: byRole('Kepala Bidang (atasan)'),
  kasi: byRole('Kepala Seksi (atasan)'),
  staff: byRole('Pegawai'),
  adminOpd: byRole('Admin OPD Disdukcapil'),
  bkpsdm: byRole('Admin BKPSDM'),
  auditor: byRole('Auditor (Inspektorat)'),
  /** The Sekda: the heads of OPD report to him; nobody above him in the system. */
  sekda: byRole('Sekretaris Daerah (Sekda)'),
  /** Head of BKPSDM (reports to the Sekda), the BKPSDM admin's supervisor. */
  kepalaBkpsdm: byRole('Kepala BKPSDM (atasan)'),
  /** A seksi head in another bidang: no line to `staff`. */
  otherKasi: '198311052008012004',
  /** Staff of the other seksi. */
  otherStaff: '199406172019032003',
};

export const tokenFor = (issuer: Issuer, nip: string, orgId = DEMO_ORG.orgId) =>
  issuer.userToken({ orgId, nip, groups: demoPeople.find((p) => p.nip === nip)?.groups ?? [] });

/** A token for every person in `who`, by role. */
export async function demoTokens(issuer: Issuer): Promise<Record<keyof typeof who, string>> {
  const entries = await Promise.all(
    Object.entries(who).map(async ([role, nip]) => [role, await tokenFor(issuer, nip)] as const),
  );
  return Object.fromEntries(entries) as Record<keyof typeof who, string>;
}
