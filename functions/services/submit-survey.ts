import { submitSurvey } from '#shared/api/services';
import { pageHeaders, publicHandler } from '#shared/http/handler';
import { surveyErrorPage, thankYouPage } from '#shared/http/survey-page';
import { verifiedLink } from '#shared/app/surveys';
import { SurveyRepository } from '#shared/store/surveys';

/**
 * One response per link, in one conditional write: the signed link is the authorisation, and the totals and any
 * follow-up for the unit head follow from the stream (update-service-totals).
 */
export const handler = publicHandler(
  submitSurvey,
  async (req) => {
    const { u1, u2, u3, u4, u5, u6, u7, u8, u9, comment, complaint } = req.body;
    const { scope, link } = await verifiedLink(req.params.token, req.now);
    const stored = await new SurveyRepository(scope).submit(
      link,
      { answers: { u1, u2, u3, u4, u5, u6, u7, u8, u9 }, ...(comment ? { comment } : {}), complaint: complaint === 'ya' },
      { actor: 'citizen', now: req.now.toISOString(), requestId: req.requestId },
    );
    return { html: thankYouPage(stored.followUpReasons.length > 0), headers: pageHeaders };
  },
  surveyErrorPage,
);
