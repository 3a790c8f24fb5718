/** The feedback threads of one employee ('me' or a team member's NIP), newest first, page by page. */
import { FormError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { useThreads } from './data';
import { Thread } from './Thread';

export function ThreadList({ nip, none }: { nip: string; none: string }) {
  const { t } = useI18n();
  const threads = useThreads(nip);
  if (threads.isPending) return <p role="status">{t('loading')}</p>;
  if (!threads.data) return <FormError error={threads.error} />;
  const items = threads.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <p>{none}</p>;
  return (
    <>
      {items.map((f) => (
        <Thread key={f.id} feedback={f} owner={nip} onReload={() => void threads.refetch()} />
      ))}
      {threads.isFetchNextPageError && <FormError error={threads.error} />}
      {threads.hasNextPage && (
        <button type="button" disabled={threads.isFetchingNextPage} onClick={() => void threads.fetchNextPage()}>
          {threads.isFetchingNextPage ? t('loading') : t('feedback.more')}
        </button>
      )}
    </>
  );
}
