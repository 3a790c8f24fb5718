import { submitSurvey } from '#shared/api/services';
import { wibDate } from '#shared/domain/time';
import { pageHeaders, publicHandler } from '#shared/http/handler';
import { surveyErrorPage, thankYouPage } from '#shared/http/survey-page';
import { transactionOfLink, verifiedLink } from '#shared/store/survey-context';
import { SurveyRepository } from '#shared/store/surveys';
import { YearRepository } from '#shared/store/years';

/** One response per link: recorded with the totals it moves, and a follow-up when it needs one. */
export const handler = publicHandler(
  submitSurvey,
  async (req) => {
    const { u1, u2, u3, u4, u5, u6, u7, u8, u9, comment, complaint } = req.body;
    const { scope, link } = await verifiedLink(req.params.token, req.now);
    // The response counts in the periods of the day it is given; the year's cadence says which.
    const [tx, year] = await Promise.all([transactionOfLink(scope, link), new YearRepository(scope).get(Number(wibDate(req.now).slice(0, 4)))]);
    const cadence = year?.cadence ?? 'monthly';
    const { followUp } = await new SurveyRepository(scope).submit(
      tx,
      { answers: { u1, u2, u3, u4, u5, u6, u7, u8, u9 }, ...(comment ? { comment } : {}), complaint: complaint === 'ya' },
      cadence,
      { actor: 'citizen', now: req.now.toISOString(), requestId: req.requestId },
    );
    return { html: thankYouPage(!!followUp), headers: pageHeaders };
  },
  surveyErrorPage,
);
