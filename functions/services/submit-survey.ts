import { submitSurvey } from '#shared/api/services';
import { answerSurvey } from '#shared/app/surveys';
import { pageHeaders, publicHandler } from '#shared/http/handler';
import { surveyErrorPage, thankYouPage } from '#shared/http/survey-page';

/** The citizen's answers to a receipt's survey link, then the thank-you page (or the page saying why not). */
export const handler = publicHandler(
  submitSurvey,
  async (req) => {
    const { comment, complaint, contact, ...answers } = req.body;
    const { followUp } = await answerSurvey(req, req.params.token, {
      answers,
      comment,
      complaint: complaint === 'ya',
      contact,
    });
    return { html: thankYouPage(followUp), headers: pageHeaders };
  },
  surveyErrorPage,
);
