import { getSurveyPage } from '#shared/api/services';
import { surveyForm } from '#shared/app/surveys';
import { pageHeaders, publicHandler } from '#shared/http/handler';
import { surveyErrorPage, surveyFormPage } from '#shared/http/survey-page';

/** The survey form behind a receipt's link (or the page saying why it cannot be filled in). */
export const handler = publicHandler(
  getSurveyPage,
  async (req) => ({ html: surveyFormPage(await surveyForm(req.params.token, req.now)), headers: pageHeaders }),
  surveyErrorPage,
);
