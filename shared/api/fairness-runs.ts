import * as z from 'zod/mini';
import { activityMessages } from '../messages/activities.ts';
import { evaluationMessages } from '../messages/evaluations.ts';
import { periodMessages } from '../messages/periods.ts';
import { planMessages } from '../messages/plans.ts';
import { routeWith } from './route.ts';
import { periodId } from './schemas.ts';

const route = routeWith(periodMessages, planMessages, activityMessages, evaluationMessages);

const id = (name: string) => z.meta({ id: name });

export const startFairnessRun = route({
  name: 'start-fairness-run',
  params: z.object({ periodId }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Penilaian',
        summary: 'Hitung ulang sinyal keadilan periode sekarang (Admin BKPSDM) / recompute fairness figures now',
        description:
          "One task per OPD through the fairness-tasks queue: every member's signals (also empty ones), the rater pattern of everyone who verified or rated, the adoption of every unit. " +
          'Idempotent: a re-run writes the same figures from the same data and never touches the answers people gave. ' +
          'The daily schedule (02:00 WIB) does the same for the open period and the previous one until its input deadline. Signals are never automatic: they change no score, rating or reward.',
        responses: {
          202: {
            description: 'Run started',
            schema: z
              .object({ runId: z.string(), periodId: z.string(), units: z.number(), rulesVersion: z.number() })
              .check(id('FairnessRunStarted')),
            example: { runId: '20261201T030000000Z-1a2b3c4d', periodId: '2026-11', units: 42, rulesVersion: 1 },
          },
        },
        errors: [400, 403, 404],
      },
});

export const getFairnessRun = route({
  name: 'get-fairness-run',
  params: z.object({ periodId, runId: z.string().check(z.regex(/^[A-Za-z0-9-]{8,60}$/)) }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Penilaian',
        summary: 'Kemajuan perhitungan keadilan / progress of a fairness run',
        description:
          'Exact counters of OPD tasks and people computed; `pendingUnits` names the OPDs still to do. BKPSDM and auditors.',
        responses: {
          200: {
            description: 'Run and its progress',
            schema: z
              .looseObject({
                periodId: z.string(),
                runId: z.string(),
                trigger: z.enum(['schedule', 'bkpsdm']),
                rulesVersion: z.number(),
                startedBy: z.string(),
                startedAt: z.string(),
                state: z.enum(['running', 'done']),
                finishedAt: z.optional(z.string()),
                units: z.object({ total: z.nullable(z.number()), done: z.number() }),
                people: z.number(),
                pendingUnits: z.array(z.object({ unitCode: z.string(), unitName: z.string() })),
              })
              .check(id('FairnessRun')),
            example: {
              periodId: '2026-11',
              runId: '20261201T030000000Z-1a2b3c4d',
              trigger: 'bkpsdm',
              rulesVersion: 1,
              startedBy: 'nip:197505102000031001',
              startedAt: '2026-12-01T03:00:00.000Z',
              state: 'running',
              units: { total: 42, done: 40 },
              people: 1830,
              pendingUnits: [{ unitCode: 'DISDUKCAPIL', unitName: 'Dinas Kependudukan dan Pencatatan Sipil' }],
            },
          },
        },
        errors: [400, 403, 404],
      },
});
