import { type SurveyLink, verifySurveyLink } from '../domain/survey-token.ts';
import { DomainError } from '../messages/errors.ts';
import { surveySigningKey } from '../survey-key.ts';
import { OrgScope } from '../store/org-scope.ts';

/** The link a token names, or 400 (tampered) / 410 (expired). The data scope is the organisation it names. */
export async function verifiedLink(token: string, now: Date): Promise<{ scope: OrgScope; link: SurveyLink }> {
  const verified = verifySurveyLink(token, await surveySigningKey(), now);
  if ('problem' in verified) throw new DomainError(verified.problem);
  return { scope: new OrgScope(verified.link.orgId), link: verified.link };
}
