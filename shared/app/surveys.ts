/** The citizen survey behind a receipt's link: the form, and its one response. */
import { type Answers, elementCodes, followUpReasons, parseContact } from '../domain/skm.ts';
import { SAFE_ORG_ID } from '../domain/survey-keys.ts';
import { type SurveyLink, surveyTokenOrg, verifySurveyLink } from '../domain/survey-token.ts';
import { DomainError, problemsError } from '../messages/errors.ts';
import { OrgScope } from '../store/org-scope.ts';
import { ServiceCatalogueRepository } from '../store/service-catalogue.ts';
import { TransactionRepository } from '../store/service-transactions.ts';
import { type StoredResponse, SurveyRepository } from '../store/surveys.ts';
import { UnitRepository } from '../store/units.ts';
import { surveyKeySet } from '../survey-key.ts';

/**
 * The link a token names, or 400 (tampered, or signed with a key that is not live) / 410 (expired) / 404 (no
 * transaction of that organisation, unit and service type behind it). The data scope is the organisation it names;
 * its own keys verify it. The signature is not the whole proof: a correctly signed link counts only if its
 * transaction exists (one gsi1 read), so a leaked key cannot add responses to a unit's IKM.
 */
export async function verifiedLink(token: string, now: Date): Promise<{ scope: OrgScope; link: SurveyLink }> {
  const orgId = surveyTokenOrg(token);
  if (!orgId || !SAFE_ORG_ID.test(orgId)) throw new DomainError('survey_link_invalid');
  let keys = await surveyKeySet(orgId);
  let verified = verifySurveyLink(token, keys.keys, now);
  // A key id this container does not hold yet may be one rotated in since it read the set.
  if ('problem' in verified && verified.problem === 'survey_link_invalid') {
    const fresher = await surveyKeySet(orgId, { refresh: true });
    if (fresher !== keys) verified = verifySurveyLink(token, (keys = fresher).keys, now);
  }
  if ('problem' in verified) throw new DomainError(verified.problem);
  const { link } = verified;
  const scope = new OrgScope(link.orgId);
  const tx = await new TransactionRepository(scope).byLink(link.linkId);
  if (!tx?.completedAt || tx.unitCode !== link.unitCode || tx.serviceType !== link.serviceType)
    throw new DomainError('survey_link_unknown');
  return { scope, link };
}

/** What the survey form names: the organisation, the unit and the service (409 once the link is answered). */
export async function surveyForm(
  token: string,
  now: Date,
): Promise<{ organisation: string; unitName: string; serviceName: string }> {
  const { scope, link } = await verifiedLink(token, now);
  const units = new UnitRepository(scope);
  const [answered, organisation, unit, type] = await Promise.all([
    new SurveyRepository(scope).hasResponse(link.linkId),
    units.organisation(),
    units.get(link.unitCode),
    new ServiceCatalogueRepository(scope).type(link.unitCode, link.serviceType),
  ]);
  if (answered) throw new DomainError('survey_already_answered');
  return {
    organisation: organisation?.name ?? '',
    unitName: unit?.name ?? link.unitCode,
    serviceName: type?.name ?? link.serviceType,
  };
}

/**
 * One response per link, in one conditional write: the signed link is the authorisation, and the totals and any
 * follow-up for the unit head follow from the stream (update-service-totals). Anonymous: the respondent is not
 * stored. A contact (phone or e-mail) is kept only when the response is passed on for follow-up, apart from the
 * response, for those handling it. Answers whether the response was passed on for follow-up.
 */
export async function answerSurvey(
  ctx: { now: Date; requestId: string },
  token: string,
  input: { answers: Answers; comment?: string; complaint: boolean; contact?: string },
): Promise<{ followUp: boolean }> {
  const { scope, link } = await verifiedLink(token, ctx.now);
  const contact = parseContact(input.contact);
  if (contact === 'invalid') throw problemsError([{ field: 'contact', code: 'survey_contact_invalid' }]);
  const comment = input.comment?.trim();
  const response: StoredResponse = {
    linkId: link.linkId,
    unitCode: link.unitCode,
    serviceType: link.serviceType,
    answers: Object.fromEntries(elementCodes.map((c) => [c, input.answers[c]])) as Answers,
    ...(comment ? { comment } : {}),
    complaint: input.complaint,
    followUpReasons: followUpReasons(input.answers, input.complaint),
    submittedAt: ctx.now.toISOString(),
  };
  const followUp = response.followUpReasons.length > 0;
  await new SurveyRepository(scope).submit(
    response,
    { actor: 'citizen', now: response.submittedAt, requestId: ctx.requestId },
    followUp ? contact : undefined,
  );
  return { followUp };
}
