import { getSurveyPage } from '#shared/api/services';
import { DomainError } from '#shared/messages/errors';
import { pageHeaders, publicHandler } from '#shared/http/handler';
import { surveyErrorPage, surveyFormPage } from '#shared/http/survey-page';
import { ServiceCatalogueRepository } from '#shared/store/service-catalogue';
import { verifiedLink } from '#shared/app/surveys';
import { SurveyRepository } from '#shared/store/surveys';
import { UnitRepository } from '#shared/store/units';

/** The survey form behind a receipt's link (or the page saying why it cannot be filled in). */
export const handler = publicHandler(
  getSurveyPage,
  async (req) => {
    const { scope, link } = await verifiedLink(req.params.token, req.now);
    const units = new UnitRepository(scope);
    const [answered, organisation, unit, type] = await Promise.all([
      new SurveyRepository(scope).hasResponse(link.linkId),
      units.organisation(),
      units.get(link.unitCode),
      new ServiceCatalogueRepository(scope).type(link.unitCode, link.serviceType),
    ]);
    if (answered) throw new DomainError('survey_already_answered');
    const html = surveyFormPage({ organisation: organisation?.name ?? '', unitName: unit?.name ?? link.unitCode, serviceName: type?.name ?? link.serviceType });
    return { html, headers: pageHeaders };
  },
  surveyErrorPage,
);
