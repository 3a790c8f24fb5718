/** The recap workbook of a unit subtree and period (.xlsx): evaluations, activity adoption, services, rewards. */
import * as z from 'zod/mini';
import { activityMessages } from '../messages/activities.ts';
import { evaluationMessages } from '../messages/evaluations.ts';
import { periodMessages } from '../messages/periods.ts';
import { planMessages } from '../messages/plans.ts';
import { serviceMessages } from '../messages/services.ts';
import { routeWith } from './route.ts';
import { periodId, unitCode } from './schemas.ts';

const route = routeWith(periodMessages, planMessages, activityMessages, evaluationMessages, serviceMessages);

export const getUnitRecap = route({
  name: 'get-unit-recap',
  params: z.object({ code: unitCode, periodId }),
  query: z.object({
    format: z.optional(
      z.enum(['xlsx']).check(z.meta({ description: 'Bentuk berkas; hanya xlsx / file format: xlsx only' })),
    ),
  }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Penilaian',
        summary: 'Rekap unit per periode (xlsx) / recap workbook of a unit subtree and period',
        description:
          'One .xlsx workbook for a unit and everything below it (an OPD: the whole OPD), one sheet per subject: ' +
          '**Penilaian** (each person: nilai kinerja, the recommended and the ratings in force, predikat, where they come ' +
          'from, final or not; people not yet evaluated are listed as such), **Adopsi aktivitas** (each member: entries ' +
          'logged, working days with entries, approved/pending/rejected, counted minutes), **Layanan** (the subtree, each ' +
          'child unit and each service type of each unit: served, within standard and late with shares, standard and ' +
          'median minutes, respondents, IKM and grade, the Krejcie–Morgan sample and whether it is reached) and ' +
          '**Penghargaan** (the reward list in its ranking). The figures are those of the JSON operations ' +
          '(`…/rewards/{periodId}`, `…/service-indicators/{periodId}`, the evaluations, the activity totals). Numbers ' +
          'are number cells (`#,##0.00`: Excel shows the decimal comma of an Indonesian locale), dates are date cells ' +
          '(`dd/mm/yyyy`); each sheet has its header row frozen and an auto filter. For the reward list’s readers ' +
          '(the unit’s heads and the supervisors above them, the OPD admin, BKPSDM, auditors); every download is ' +
          'recorded in the audit trail (entity `Download`, id `recap:<unit>:<period>`).',
        responses: {
          200: {
            description: 'The workbook (`content-disposition: attachment; filename="rekap-<unit>-<period>.xlsx"`)',
            contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          },
        },
        errors: [400, 403, 404],
      },
});
