import { reviewEvaluation } from '#shared/api/evaluations';
import { predikatOf, ratingNames, recommendPerilaku } from '#shared/domain/scoring';
import { DomainError } from '#shared/messages/errors';
import { json, userHandler, writeContext } from '#shared/http/handler';
import { reviewableEvaluation } from '#shared/app/evaluations';
import { EvaluationRepository, outcomeOf } from '#shared/store/evaluations';

/** Confirms or overrides each recommended rating; an override needs a written reason. */
export const handler = userHandler(reviewEvaluation, async (req) => {
  const { target, period } = await reviewableEvaluation(req, req.params.nip, req.params.periodId);
  const ctx = writeContext(req);
  const { hasilKerja, perilaku } = req.body;
  const saved = await new EvaluationRepository(req.scope).change(
    target.nip,
    period.id,
    req.body.version,
    (e) => {
      if (!e.behaviour) throw new DomainError('behaviour_missing');
      const recommended = { hasilKerja: e.recommendedHasilKerja!, perilaku: recommendPerilaku(e.behaviour.values)! };
      for (const [what, part] of [['hasilKerja', hasilKerja], ['perilaku', perilaku]] as const) {
        if (part.rating !== recommended[what] && !part.reason) {
          throw new DomainError('override_reason_required', { what: what === 'hasilKerja' ? 'hasil kerja' : 'perilaku', recommended: ratingNames[recommended[what]] });
        }
      }
      return {
        review: {
          hasilKerja: hasilKerja.rating,
          perilaku: perilaku.rating,
          predikat: predikatOf(hasilKerja.rating, perilaku.rating),
          reasons: { ...(hasilKerja.reason ? { hasilKerja: hasilKerja.reason } : {}), ...(perilaku.reason ? { perilaku: perilaku.reason } : {}) },
          by: ctx.actor,
          at: ctx.now,
          inputsHash: e.inputsHash!,
        },
      };
    },
    ctx,
  );
  return json({ ...saved, outcome: outcomeOf(saved) });
});
