import { pushTransactions, transactionItem } from '#shared/api/services';
import { linkIdFor, signSurveyLink } from '#shared/domain/survey-token';
import { DomainError } from '#shared/messages/errors';
import { json, machineHandler, parsePart, writeContext } from '#shared/http/handler';
import { publicBaseUrl } from '#shared/http/links';
import { render } from '#shared/messages/catalogue';
import type { ServiceTransaction, TransactionInput } from '#shared/store/service-transactions';
import { type IngestOutcome, ingestTransactions } from '#shared/app/ingest';
import { surveySigningKey } from '#shared/survey-key';

const DEFAULT_SURVEY_DAYS = 30;

/** A batch of up to 100 transactions from an agency system; every item gets its own result. */
export const handler = machineHandler(pushTransactions, ['transactions.write'], async (req) => {
  const validDays = req.body.surveyValidDays ?? DEFAULT_SURVEY_DAYS;
  const results: Record<string, unknown>[] = [];
  const accepted: { index: number; input: TransactionInput; survey: boolean }[] = [];
  const seen = new Set<string>();
  const rejected = (index: number, externalId: unknown, err: DomainError) => {
    results[index] = { index, externalId: typeof externalId === 'string' ? externalId : '', status: 'rejected', error: { code: err.code, message: render(err.code, req.lang, err.params), ...(err.details ? { details: err.details } : {}) } };
  };
  req.body.transactions.forEach((raw, index) => {
    const externalId = (raw as { externalId?: unknown } | null)?.externalId;
    try {
      const { survey, ...input } = parsePart(transactionItem, raw, `transactions.${index}`, req.lang);
      if (seen.has(input.externalId)) throw new DomainError('duplicate_in_batch', { externalId: input.externalId });
      seen.add(input.externalId);
      accepted.push({ index, input, survey: survey !== false });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      rejected(index, externalId, err);
    }
  });

  const key = await surveySigningKey();
  const outcomes = await ingestTransactions(req.scope, accepted.map((a) => a.input), writeContext(req), {
    surveyValidDays: validDays,
    linkIdOf: (externalId) => linkIdFor(key, req.scope.orgId, externalId),
  });
  const base = publicBaseUrl(req.headers);
  // A completion pushed long after the fact gets no link: it would already have expired.
  const surveyOf = (t: ServiceTransaction) =>
    t.completedAt && t.surveyExpiresAt && t.surveyExpiresAt * 1000 > req.now.getTime()
      ? {
          surveyUrl: `${base}/s/${signSurveyLink({ orgId: req.scope.orgId, unitCode: t.unitCode, serviceType: t.serviceType, linkId: t.linkId, expiresAt: t.surveyExpiresAt }, key)}`,
          surveyExpiresAt: new Date(t.surveyExpiresAt * 1000).toISOString(),
        }
      : {};
  accepted.forEach(({ index, input, survey }, i) => {
    const outcome = outcomes[i] as IngestOutcome;
    if (outcome.status === 'rejected') return rejected(index, input.externalId, outcome.error);
    const t = outcome.transaction;
    results[index] = {
      index,
      externalId: t.externalId,
      status: outcome.status,
      transaction: {
        unitCode: t.unitCode,
        serviceType: t.serviceType,
        receivedAt: t.receivedAt,
        completedAt: t.completedAt,
        serviceMinutes: t.serviceSeconds === null ? null : Math.round(t.serviceSeconds / 6) / 10,
        standardMinutes: t.standardMinutes,
        withinStandard: t.withinStandard,
        periodIds: t.periodIds,
      },
      ...(survey ? surveyOf(t) : {}),
    };
  });
  const count = (s: string) => results.filter((r) => r.status === s).length;
  return json({ results, summary: { created: count('created'), updated: count('updated'), unchanged: count('unchanged'), rejected: count('rejected') } });
});
