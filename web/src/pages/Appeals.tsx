/**
 * Keberatan: the queue of appeals waiting for a decision (BKPSDM: the organisation's; a supervisor: the ones they
 * were named to decide), oldest first; `?pegawai=<NIP>&periode=<id>` opens one — the evaluation, its explanation
 * and the decision form.
 */
import { useSearch } from 'wouter';
import { PageTitle } from '../components/PageTitle';
import { addWords, useI18n } from '../i18n';
import * as words from '../words/appeals';
import { AppealDetail } from './appeals/AppealDetail';
import { AppealQueue } from './appeals/AppealQueue';

addWords(words);

export function Appeals() {
  const { t } = useI18n();
  const search = new URLSearchParams(useSearch());
  const nip = search.get('pegawai') ?? '';
  const periodId = search.get('periode') ?? '';
  return (
    <>
      <PageTitle>{t('nav.appeals')}</PageTitle>
      {nip && periodId ? <AppealDetail key={`${nip}-${periodId}`} nip={nip} periodId={periodId} /> : <AppealQueue />}
    </>
  );
}
