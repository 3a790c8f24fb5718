import { listTeamEvaluations } from '#shared/api/evaluations';
import { readableEmployee, teamOf } from '#shared/app/access';
import { json, userHandler } from '#shared/http/handler';
import { EvaluationRepository, outcomeOf } from '#shared/store/evaluations';
import { YearRepository } from '#shared/store/years';

/** The supervisor's review list: each team member's figures, what is still to do, and the outcome in force. */
export const handler = userHandler(listTeamEvaluations, async (req) => {
  const { target, relation } = await readableEmployee(req, req.params.nip);
  const [team, period] = await Promise.all([teamOf(req, target, relation), new YearRepository(req.scope).findPeriod(req.params.periodId)]);
  const evaluations = await new EvaluationRepository(req.scope).getMany(team.map((m) => m.nip as string), period.id);
  const items = evaluations
    .map((e) => {
      const outcome = outcomeOf(e);
      return {
        nip: e.nip,
        name: e.name,
        position: e.position,
        nilaiKinerja: e.hasilKerja?.nilaiKinerjaRounded ?? null,
        recommendedHasilKerja: e.recommendedHasilKerja,
        behaviourRated: !!e.behaviour,
        reviewed: outcome.reviewCurrent,
        outcome,
        appeal: e.appeal?.state ?? null,
        version: e.version,
      };
    })
    .sort((a, b) => Number(a.reviewed) - Number(b.reviewed) || a.nip.localeCompare(b.nip));
  return json({ periodId: period.id, periodState: period.state, items });
});
