import { describe, expect, it } from 'vitest';
import { draftsFor, namesToRead } from '../../shared/domain/notifications.ts';

const STAFF = '199001152015031003';
const KASI = '198203152006041002';
const today = '2026-11-29';
type Img = Record<string, unknown> | undefined;
const plan = (state: string, extra = {}) => ({ entity: 'Plan', nip: STAFF, year: 2026, state, ...extra });
const activity = (status: string) => ({
  entity: 'Activity',
  nip: STAFF,
  date: '2026-11-27',
  start: '08:00',
  end: '09:00',
  status,
  rejectReason: 'Tanpa bukti',
});
const feedback = (replies: { by: string; text: string }[]) => ({
  entity: 'Feedback',
  nip: STAFF,
  from: KASI,
  text: 'Bagus',
  replies,
});
const evaluation = (appeal?: unknown) => ({
  entity: 'Evaluation',
  nip: STAFF,
  periodId: '2026-11',
  ...(appeal ? { appeal } : {}),
});

describe('draftsFor: which change notifies whom', () => {
  it.each<[string, Img, Img, { type: string; audience: unknown }[]]>([
    [
      'plan submitted → the supervisor (and Plt/Plh) of the owner',
      plan('draft'),
      plan('submitted'),
      [{ type: 'plan_submitted', audience: { role: 'supervisor_of', nip: STAFF, date: today } }],
    ],
    [
      'plan approved → the owner',
      plan('submitted'),
      plan('approved'),
      [{ type: 'plan_approved', audience: { role: 'person', nip: STAFF } }],
    ],
    [
      'plan returned → the owner',
      plan('submitted'),
      plan('returned', { returnNote: 'Target terlalu rendah' }),
      [{ type: 'plan_returned', audience: { role: 'person', nip: STAFF } }],
    ],
    ['plan edited, state unchanged → nobody', plan('draft'), plan('draft', { rhk: [] }), []],
    ['a revision approved by BKPSDM seeding (no submission) → nobody', undefined, plan('approved'), []],
    [
      'activity rejected → the owner',
      activity('pending'),
      activity('rejected'),
      [{ type: 'activity_rejected', audience: { role: 'person', nip: STAFF } }],
    ],
    ['activity approved → nobody', activity('pending'), activity('approved'), []],
    ['activity still rejected (edited) → nobody', activity('rejected'), activity('rejected'), []],
    [
      'feedback given → the employee',
      undefined,
      feedback([]),
      [{ type: 'feedback_given', audience: { role: 'person', nip: STAFF } }],
    ],
    [
      'the employee replies → their supervisor of today (and Plt/Plh)',
      feedback([]),
      feedback([{ by: STAFF, text: 'Siap' }]),
      [{ type: 'feedback_replied', audience: { role: 'supervisor_of', nip: STAFF, date: today } }],
    ],
    [
      'the supervisor answers → the employee',
      feedback([{ by: STAFF, text: 'Siap' }]),
      feedback([
        { by: STAFF, text: 'Siap' },
        { by: KASI, text: 'Terima kasih' },
      ]),
      [{ type: 'feedback_replied', audience: { role: 'person', nip: STAFF } }],
    ],
    ['feedback acknowledged (no new reply) → nobody', feedback([]), { ...feedback([]), acknowledgedAt: 'x' }, []],
    [
      'appeal filed → the second level above the employee',
      evaluation(),
      evaluation({ state: 'filed' }),
      [{ type: 'appeal_filed', audience: { role: 'second_level_of', nip: STAFF, date: today } }],
    ],
    [
      'appeal decided → the employee',
      evaluation({ state: 'filed' }),
      evaluation({ state: 'revised', decision: { outcome: 'revised', reason: 'Bukti lengkap' } }),
      [{ type: 'appeal_decided', audience: { role: 'person', nip: STAFF } }],
    ],
    ['behaviour rated (no appeal change) → nobody', evaluation(), { ...evaluation(), behaviour: {} }, []],
    [
      'a citizen complaint → the unit heads',
      undefined,
      {
        entity: 'SurveyFollowUp',
        unitCode: 'DUK-IDK',
        serviceType: 'ktp-el',
        comment: 'Lama',
        dueAt: '2026-12-01T10:00:00.000Z',
      },
      [{ type: 'survey_follow_up', audience: { role: 'unit_heads', unitCode: 'DUK-IDK', date: today } }],
    ],
    [
      'a follow-up resolved → nobody',
      { entity: 'SurveyFollowUp', unitCode: 'DUK-IDK' },
      { entity: 'SurveyFollowUp', unitCode: 'DUK-IDK', status: 'resolved' },
      [],
    ],
    [
      'a period scored → the supervisors of everyone evaluated',
      { entity: 'Period', id: '2026-11', state: 'closed' },
      { entity: 'Period', id: '2026-11', state: 'scored' },
      [{ type: 'evaluations_ready', audience: { role: 'reviewers_of_period', periodId: '2026-11', date: today } }],
    ],
    [
      'a period finalised → everyone evaluated',
      { entity: 'Period', id: '2026-11', state: 'scored' },
      { entity: 'Period', id: '2026-11', state: 'finalised' },
      [{ type: 'evaluation_finalised', audience: { role: 'evaluated_in_period', periodId: '2026-11' } }],
    ],
    [
      'a period closed → nobody',
      { entity: 'Period', id: '2026-11', state: 'open' },
      { entity: 'Period', id: '2026-11', state: 'closed' },
      [],
    ],
    [
      'a period deadline moved → nobody',
      { entity: 'Period', id: '2026-11', state: 'open', inputDeadline: 'a' },
      { entity: 'Period', id: '2026-11', state: 'open', inputDeadline: 'b' },
      [],
    ],
    ['a record deleted → nobody', plan('draft'), undefined, []],
    ['another entity → nobody', undefined, { entity: 'Employee', nip: STAFF }, []],
  ])('%s', (_label, before, after, expected) => {
    expect(draftsFor(before, after, today).map((d) => ({ type: d.type, audience: d.audience }))).toEqual(expected);
  });

  it('says what happened in Bahasa Indonesia and links to the resource', () => {
    const [rejected] = draftsFor(activity('pending'), activity('rejected'), today);
    expect(rejected).toMatchObject({
      title: 'Aktivitas ditolak',
      link: `/employees/${STAFF}/activities?from=2026-11-27&to=2026-11-27`,
    });
    expect(rejected!.body).toContain('Tanpa bukti');
    const [returned] = draftsFor(plan('submitted'), plan('returned', { returnNote: 'Target terlalu rendah' }), today);
    expect(returned!.body).toContain('Target terlalu rendah');
    const [complaint] = draftsFor(
      undefined,
      {
        entity: 'SurveyFollowUp',
        unitCode: 'DUK-IDK',
        serviceType: 'ktp-el',
        comment: 'Lama',
        dueAt: '2026-12-01T10:00:00.000Z',
      },
      today,
    );
    expect(complaint!.body).toContain('paling lambat 2026-12-01 17:00 WIB');
  });

  it('names people and services by the names given, and by their code when a name is missing', () => {
    const names = {
      people: new Map([
        [STAFF, 'Rahmat Hidayat Daulay'],
        [KASI, 'Rina Marlina Pohan, S.Sos'],
      ]),
      services: new Map([['DUK-IDK/ktp-el', 'KTP Elektronik (KTP-el)']]),
    };
    const complaint = {
      entity: 'SurveyFollowUp',
      unitCode: 'DUK-IDK',
      serviceType: 'ktp-el',
      comment: 'Lama',
      dueAt: '2026-12-01T10:00:00.000Z',
    };
    const reply = feedback([{ by: KASI, text: 'Terima kasih' }]);
    const cases: [Img, Img, string][] = [
      [plan('draft'), plan('submitted'), 'SKP 2026 milik Rahmat Hidayat Daulay diajukan dan menunggu keputusan Anda.'],
      [feedback([]), reply, 'Rina Marlina Pohan, S.Sos: Terima kasih'],
      [
        evaluation(),
        evaluation({ state: 'filed' }),
        'Rahmat Hidayat Daulay mengajukan keberatan atas penilaian 2026-11.',
      ],
      [undefined, complaint, 'Layanan KTP Elektronik (KTP-el): "Lama".'],
    ];
    for (const [before, after, text] of cases) expect(draftsFor(before, after, today, names)[0]!.body).toContain(text);
    const unnamed = { people: new Map(), services: new Map() };
    expect(draftsFor(plan('draft'), plan('submitted'), today, unnamed)[0]!.body).toContain(`milik ${STAFF}`);
    expect(draftsFor(undefined, complaint, today, unnamed)[0]!.body).toContain('Layanan ktp-el:');
  });

  it('reads the names of the owner, the last replier and the service type', () => {
    expect(namesToRead(feedback([{ by: KASI, text: 'x' }]))).toEqual({ nips: [STAFF, KASI], services: [] });
    expect(namesToRead({ entity: 'SurveyFollowUp', unitCode: 'DUK-IDK', serviceType: 'ktp-el' })).toEqual({
      nips: [],
      services: [{ unitCode: 'DUK-IDK', code: 'ktp-el' }],
    });
    expect(namesToRead(undefined)).toEqual({ nips: [], services: [] });
  });
});
