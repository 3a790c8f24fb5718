/**
 * Files the API makes (a PDF, a CSV, a workbook) fetched with the bearer token — a plain link could not send it —
 * and handed to the browser as a download through an object URL, named as the API names it. The CSP needs nothing
 * for this: no frame, no new origin (a blob: URL is only navigated to by the download, never loaded).
 */
import { useMutation } from '@tanstack/react-query';
import { unwrap } from './client';
import { fileNameOf } from './file-name';
import { useApi } from './hooks';

export function saveFile(blob: Blob, name: string): void {
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

type Api = ReturnType<typeof useApi>;
type Call = Promise<{ data?: unknown; error?: unknown; response: Response }>;

/**
 * A download as a mutation: `fetchFile(api, input)` asks the API (with `parseAs: 'blob'`); the file is saved under
 * the name its `Content-Disposition` gives, else `fallback(input)`; the mutation's data is that name.
 */
export function useDownload<I = void>(fetchFile: (api: Api, input: I) => Call, fallback: (input: I) => string) {
  const api = useApi();
  return useMutation({
    mutationFn: async (input: I) => {
      const call = fetchFile(api, input);
      const blob = (await unwrap(call)) as Blob;
      const name = fileNameOf((await call).response.headers.get('content-disposition'), fallback(input));
      saveFile(blob, name);
      return name;
    },
  });
}
