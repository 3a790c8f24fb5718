/**
 * Which changes concern whom, and what to tell them (in Bahasa Indonesia, with a link to the resource). Pure: the
 * caller supplies the record's images, the names the texts use (read in one batch, see namesToRead) and the people
 * to address (resolved from the hierarchy as of the event).
 */
type Image = Record<string, unknown>;

export type NotificationType =
  | 'plan_submitted'
  | 'plan_approved'
  | 'plan_returned'
  | 'activity_rejected'
  | 'feedback_given'
  | 'feedback_replied'
  | 'appeal_filed'
  | 'appeal_decided'
  | 'survey_follow_up'
  | 'evaluations_ready'
  | 'evaluation_finalised'
  | 'verification_digest'
  | 'adoption_digest';

/** Who a notification goes to, by role; the consumer turns roles into people. */
export type Audience =
  | { role: 'person'; nip: string }
  /** The direct supervisor of `nip` and whoever holds that position as Plt/Plh on `date`. */
  | { role: 'supervisor_of'; nip: string; date: string }
  /** The supervisor's own supervisor of `nip` (the appeal reviewer), and their Plt/Plh on `date`. */
  | { role: 'second_level_of'; nip: string; date: string }
  /** The heads of a unit (members whose supervisor is outside it), and their Plt/Plh on `date`. */
  | { role: 'unit_heads'; unitCode: string; date: string }
  /** The direct supervisors of everyone evaluated in a period (and their Plt/Plh on `date`). */
  | { role: 'reviewers_of_period'; periodId: string; date: string }
  /** Everyone evaluated in a period, or only in the OPDs named (by code) when they are finalised one by one. */
  | { role: 'evaluated_in_period'; periodId: string; opds?: string[] };

export interface NotificationDraft {
  type: NotificationType;
  audience: Audience;
  title: string;
  body: string;
  link: string;
}

/** People by NIP and service types by `unitCode/code`, as the texts name them. */
export interface NoticeNames {
  people: ReadonlyMap<string, string>;
  services: ReadonlyMap<string, string>;
}

const noNames: NoticeNames = { people: new Map(), services: new Map() };

/** Whom and which service a change's texts may name: the owner, the author of the last reply, the service type. */
export function namesToRead(image: Image | undefined): {
  nips: string[];
  services: { unitCode: string; code: string }[];
} {
  if (!image) return { nips: [], services: [] };
  const lastReply = (image.replies as { by?: unknown }[] | undefined)?.at(-1)?.by;
  const nips = [image.nip, lastReply].filter((n): n is string => typeof n === 'string');
  const services =
    image.entity === 'SurveyFollowUp' && typeof image.unitCode === 'string' && typeof image.serviceType === 'string'
      ? [{ unitCode: image.unitCode, code: image.serviceType }]
      : [];
  return { nips: [...new Set(nips)], services };
}

export const serviceKey = (unitCode: string, code: string) => `${unitCode}/${code}`;

const changed = (before: Image | undefined, after: Image | undefined, field: string) =>
  JSON.stringify(before?.[field] ?? null) !== JSON.stringify(after?.[field] ?? null);

/** The notifications one change of a record calls for (none for most changes); a name not found reads as the code. */
export function draftsFor(
  before: Image | undefined,
  after: Image | undefined,
  today: string,
  names: NoticeNames = noNames,
): NotificationDraft[] {
  const image = after ?? before;
  if (!image || !after) return [];
  const person = (nip: unknown) => names.people.get(String(nip)) ?? String(nip);
  switch (image.entity) {
    case 'Plan': {
      if (!changed(before, after, 'state')) return [];
      const link = `/employees/${after.nip}/plans/${after.year}`;
      if (after.state === 'submitted')
        return [
          {
            type: 'plan_submitted',
            audience: { role: 'supervisor_of', nip: after.nip as string, date: today },
            title: 'SKP menunggu persetujuan',
            body: `SKP ${after.year} milik ${person(after.nip)} diajukan dan menunggu keputusan Anda.`,
            link,
          },
        ];
      if (after.state === 'approved' && before?.state === 'submitted')
        return [
          {
            type: 'plan_approved',
            audience: { role: 'person', nip: after.nip as string },
            title: 'SKP disetujui',
            body: `SKP ${after.year} Anda disetujui.`,
            link,
          },
        ];
      if (after.state === 'returned')
        return [
          {
            type: 'plan_returned',
            audience: { role: 'person', nip: after.nip as string },
            title: 'SKP dikembalikan',
            body: `SKP ${after.year} Anda dikembalikan untuk diperbaiki${after.returnNote ? `: ${after.returnNote}` : '.'}`,
            link,
          },
        ];
      return [];
    }
    case 'Activity': {
      if (after.status !== 'rejected' || before?.status === 'rejected') return [];
      return [
        {
          type: 'activity_rejected',
          audience: { role: 'person', nip: after.nip as string },
          title: 'Aktivitas ditolak',
          body: `Aktivitas ${after.date} ${after.start}–${after.end} ditolak${after.rejectReason ? `: ${after.rejectReason}` : '.'} Perbaiki sebelum batas pengisian.`,
          link: `/employees/${after.nip}/activities?from=${after.date}&to=${after.date}`,
        },
      ];
    }
    case 'Feedback': {
      const link = `/employees/${after.nip}/feedback`;
      if (!before)
        return [
          {
            type: 'feedback_given',
            audience: { role: 'person', nip: after.nip as string },
            title: 'Umpan balik dari atasan',
            body: String(after.text).slice(0, 280),
            link,
          },
        ];
      const replies = (after.replies as { by: string; text: string }[]) ?? [];
      if (replies.length <= ((before.replies as unknown[]) ?? []).length) return [];
      const last = replies.at(-1)!;
      // A reply goes to the other side: the employee's to their supervisor of today (and the Plt/Plh), the
      // supervisor's to the employee.
      const audience: Audience =
        last.by === after.nip
          ? { role: 'supervisor_of', nip: after.nip as string, date: today }
          : { role: 'person', nip: after.nip as string };
      return [
        {
          type: 'feedback_replied',
          audience,
          title: 'Balasan umpan balik',
          body: `${person(last.by)}: ${last.text.slice(0, 280)}`,
          link,
        },
      ];
    }
    case 'Evaluation': {
      const appeal = after.appeal as { state: string; decision?: { outcome: string; reason: string } } | undefined;
      const was = (before?.appeal as { state: string } | undefined)?.state;
      if (!appeal || appeal.state === was) return [];
      const link = `/employees/${after.nip}/evaluations/${after.periodId}`;
      if (appeal.state === 'filed')
        return [
          {
            type: 'appeal_filed',
            audience: { role: 'second_level_of', nip: after.nip as string, date: today },
            title: 'Keberatan menunggu keputusan',
            body: `${person(after.nip)} mengajukan keberatan atas penilaian ${after.periodId}.`,
            link,
          },
        ];
      return [
        {
          type: 'appeal_decided',
          audience: { role: 'person', nip: after.nip as string },
          title: 'Keberatan diputuskan',
          body: `Keberatan Anda atas penilaian ${after.periodId} ${appeal.state === 'revised' ? 'dikabulkan: penilaian direvisi' : 'ditolak: penilaian tetap'}. ${appeal.decision?.reason ?? ''}`.trim(),
          link,
        },
      ];
    }
    case 'Period': {
      // OPDs finalised by this change: their people hear it now, as their appeal window opens.
      const wasFinal = (before?.opds ?? {}) as Record<string, unknown>;
      const opds = Object.keys((after.opds ?? {}) as Record<string, unknown>).filter((code) => !wasFinal[code]);
      if (opds.length > 0)
        return [
          {
            type: 'evaluation_finalised',
            audience: { role: 'evaluated_in_period', periodId: after.id as string, opds },
            title: 'Penilaian sudah final',
            body: `Penilaian kinerja periode ${after.id} sudah final. Lihat penjelasannya; keberatan dapat diajukan dalam batas waktu yang berlaku.`,
            link: `/employees/me/evaluations/${after.id}`,
          },
        ];
      if (!changed(before, after, 'state')) return [];
      if (after.state === 'scored')
        return [
          {
            type: 'evaluations_ready',
            audience: { role: 'reviewers_of_period', periodId: after.id as string, date: today },
            title: 'Penilaian siap ditinjau',
            body: `Penilaian periode ${after.id} sudah dihitung: isi penilaian perilaku dan konfirmasi atau ubah rekomendasi tim Anda.`,
            link: `/employees/me/team-evaluations/${after.id}`,
          },
        ];
      if (after.state === 'finalised')
        return [
          {
            type: 'evaluation_finalised',
            audience: { role: 'evaluated_in_period', periodId: after.id as string },
            title: 'Penilaian sudah final',
            body: `Penilaian kinerja periode ${after.id} sudah final. Lihat penjelasannya; keberatan dapat diajukan dalam batas waktu yang berlaku.`,
            link: `/employees/me/evaluations/${after.id}`,
          },
        ];
      return [];
    }
    case 'SurveyFollowUp': {
      if (before) return [];
      const service = names.services.get(serviceKey(String(after.unitCode), String(after.serviceType)));
      return [
        {
          type: 'survey_follow_up',
          audience: { role: 'unit_heads', unitCode: after.unitCode as string, date: today },
          title: 'Pengaduan/nilai rendah dari warga',
          body: `Layanan ${service ?? after.serviceType}: ${after.comment ? `"${String(after.comment).slice(0, 200)}"` : 'nilai rendah'}. Tindak lanjuti paling lambat ${new Date(Date.parse(String(after.dueAt)) + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')} WIB.`,
          link: `/units/${after.unitCode}/survey-follow-ups`,
        },
      ];
    }
    default:
      return [];
  }
}

/** The entities whose changes may notify someone: the consumer's stream filter. */
export const notifyingEntities = ['Plan', 'Activity', 'Feedback', 'Evaluation', 'SurveyFollowUp', 'Period'] as const;
