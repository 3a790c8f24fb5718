/** The pure rules of the service use cases: what a completion adds, when two pushes are the same, a follow-up. */
import { describe, expect, it } from 'vitest';
import { sameTransaction } from '../../shared/app/ingest.ts';
import { completionDelta, followUpOf } from '../../shared/app/service-totals.ts';
import { type Answers, elementCodes } from '../../shared/domain/skm.ts';
import type { ServiceTransaction } from '../../shared/store/service-transactions.ts';
import { linkIdOfFollowUp, type StoredResponse } from '../../shared/store/surveys.ts';

describe('completionDelta', () => {
  it.each<
    [
      label: string,
      serviceSeconds: number | null,
      withinStandard: boolean | null,
      expected: ReturnType<typeof completionDelta>,
    ]
  >([
    ['not completed: nothing', null, null, {}],
    ['within the standard', 600, true, { served: 1, withinStandard: 1, serviceSeconds: 600, buckets: { 10: 1 } }],
    ['over the standard', 3_661, false, { served: 1, withinStandard: 0, serviceSeconds: 3_661, buckets: { 62: 1 } }],
    ['completed in no service time', 0, true, { served: 1, withinStandard: 1, serviceSeconds: 0, buckets: { 0: 1 } }],
  ])('%s', (_label, serviceSeconds, withinStandard, expected) => {
    expect(completionDelta({ serviceSeconds, withinStandard })).toEqual(expected);
  });
});

describe('sameTransaction', () => {
  const stored: ServiceTransaction = {
    externalId: 'T-1',
    unitCode: 'DUK-IDK',
    serviceType: 'ktp-el',
    officers: ['199001012015031001', '199202022016041002'],
    receivedAt: '2026-11-27T02:15:00.000Z',
    completedAt: '2026-11-27T02:52:00.000Z',
    serviceSeconds: 2_220,
    standardMinutes: 60,
    withinStandard: true,
    periodIds: ['2026-11', '2026'],
    linkId: 'L1',
    surveyExpiresAt: 1_800_000_000,
    version: 2,
    createdAt: '2026-11-27T02:15:00.000Z',
    updatedAt: '2026-11-27T02:52:00.000Z',
    updatedBy: 'client:siak',
  };
  it.each<[label: string, change: Partial<ServiceTransaction>, same: boolean]>([
    ['the same push', {}, true],
    [
      'a recomputed standard or period does not make it another push',
      { standardMinutes: 30, withinStandard: false, periodIds: ['2026-Q4', '2026'] },
      true,
    ],
    ['another unit', { unitCode: 'DUK-KK' }, false],
    ['another service type', { serviceType: 'kk' }, false],
    ['other officers', { officers: ['199001012015031001'] }, false],
    ['another receipt time', { receivedAt: '2026-11-27T02:16:00.000Z' }, false],
    ['a completion added or moved', { completedAt: null }, false],
  ])('%s', (_label, change, same) => {
    expect(sameTransaction(stored, { ...stored, ...change })).toBe(same);
  });
});

describe('followUpOf', () => {
  const answers = Object.fromEntries(elementCodes.map((c) => [c, 1])) as Answers;
  const response = (over: Partial<StoredResponse>): StoredResponse => ({
    linkId: 'abcDEF123',
    unitCode: 'DUK-IDK',
    serviceType: 'ktp-el',
    answers,
    complaint: true,
    followUpReasons: ['complaint', 'element_rated_1', 'low_overall'],
    submittedAt: '2026-11-27T03:04:05.678Z',
    ...over,
  });

  it('is open, due 2×24 hours after the response, with an id that sorts by time', () => {
    expect(followUpOf(response({ comment: 'Lama sekali' }), 'SIAK-2026-000123')).toEqual({
      id: '20261127T030405678Z-abcDEF123',
      unitCode: 'DUK-IDK',
      serviceType: 'ktp-el',
      reasons: ['complaint', 'element_rated_1', 'low_overall'],
      reference: 'SIAK-2026-000123',
      answers,
      comment: 'Lama sekali',
      submittedAt: '2026-11-27T03:04:05.678Z',
      dueAt: '2026-11-29T03:04:05.678Z',
      status: 'open',
      version: 1,
    });
  });

  it('carries a null comment when the citizen wrote none', () => {
    expect(followUpOf(response({}), null).comment).toBeNull();
  });

  it('names the survey link it came from, whatever characters the link id holds', () => {
    for (const linkId of ['abcDEF123', 'a-b_c-d', '-leading'])
      expect(linkIdOfFollowUp(followUpOf(response({ linkId }), null).id)).toBe(linkId);
  });
});
