/**
 * "Unduh PDF": a printed document the API makes (the SKP of a plan version, the evaluation of a period), saved as
 * a download (api/download.ts).
 */
import { useDownload } from '../api/download';
import { useI18n } from '../i18n';
import { FormError } from './forms';

/** The Dokumen SKP of one version of a person's plan. */
export const usePlanPdf = (nip: string, year: number, version: number) =>
  useDownload(
    (api) =>
      api.GET('/employees/{nip}/plans/{year}/document', {
        params: { path: { nip, year }, query: { version } },
        parseAs: 'blob',
      }),
    () => `SKP-${year}-v${version}.pdf`,
  );

/** The Dokumen Evaluasi Kinerja of a person's period. */
export const useEvaluationPdf = (nip: string, periodId: string) =>
  useDownload(
    (api) =>
      api.GET('/employees/{nip}/evaluations/{periodId}/document', {
        params: { path: { nip, periodId } },
        parseAs: 'blob',
      }),
    () => `Evaluasi-${periodId}.pdf`,
  );

/** The button, what it saved, and the API's message when it could not. */
export function DownloadPdf({
  download,
  label,
}: {
  download: ReturnType<typeof usePlanPdf>;
  /** Accessible name: says which document ("Unduh PDF SKP versi 2"). */
  label: string;
}) {
  const { t } = useI18n();
  return (
    <div className="download-pdf">
      <button type="button" aria-label={label} disabled={download.isPending} onClick={() => download.mutate()}>
        {t('pdf.download')}
      </button>
      <FormError error={download.error} />
      <p role="status" className="status-line">
        {download.isPending ? t('pdf.preparing') : download.data ? t('pdf.saved', { name: download.data }) : ''}
      </p>
    </div>
  );
}
