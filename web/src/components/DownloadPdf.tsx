/**
 * "Unduh PDF": a printed document the API makes (the SKP of a plan version, the evaluation of a period), fetched
 * with the bearer token (a plain link could not send it), then handed to the browser as a download through an
 * object URL, named as the API names it. The CSP needs nothing for this: no frame, no new origin (blob: URLs are
 * only navigated to by the download, never loaded as a resource).
 */
import { useMutation } from '@tanstack/react-query';
import { unwrap } from '../api/client';
import { useApi } from '../api/hooks';
import { useI18n } from '../i18n';
import { FormError } from './forms';

/** The file name from `content-disposition: attachment; filename="…"`, else `fallback`. */
const fileNameOf = (disposition: string | null, fallback: string): string =>
  /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? fallback;

type Call = Promise<{ data?: unknown; error?: unknown; response: Response }>;

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; the URL is freed a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function useDownload(fetchPdf: (api: ReturnType<typeof useApi>) => Call, fallback: string) {
  const api = useApi();
  return useMutation({
    mutationFn: async () => {
      const call = fetchPdf(api);
      const blob = (await unwrap(call)) as Blob;
      const name = fileNameOf((await call).response.headers.get('content-disposition'), fallback);
      save(blob, name);
      return name;
    },
  });
}

/** The Dokumen SKP of one version of a person's plan. */
export const usePlanPdf = (nip: string, year: number, version: number) =>
  useDownload(
    (api) =>
      api.GET('/employees/{nip}/plans/{year}/document', {
        params: { path: { nip, year }, query: { version } },
        parseAs: 'blob',
      }),
    `SKP-${year}-v${version}.pdf`,
  );

/** The Dokumen Evaluasi Kinerja of a person's period. */
export const useEvaluationPdf = (nip: string, periodId: string) =>
  useDownload(
    (api) =>
      api.GET('/employees/{nip}/evaluations/{periodId}/document', {
        params: { path: { nip, periodId } },
        parseAs: 'blob',
      }),
    `Evaluasi-${periodId}.pdf`,
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
