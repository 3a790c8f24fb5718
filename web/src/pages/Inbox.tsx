/**
 * Kotak masuk: the person's notifications, newest first, a page at a time; unread ones marked in words and by a
 * bar, each opening the app page it is about (and marked read on the way), one or all marked read here. Opened as
 * `/kotak-masuk?buka=<API link>&id=<id>` (the notification e-mails' address), it goes straight to that page.
 */
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { useMe } from '../api/hooks';
import { FormError } from '../components/forms';
import { PageTitle } from '../components/PageTitle';
import { useI18n } from '../i18n';
import { type Notification, useInbox, useMarkRead, useUnreadCount } from './inbox/data';
import { appRouteOf, openRequestOf } from './inbox/links';

export function Inbox() {
  const request = openRequestOf(useSearch());
  return request ? <OpenFromLink {...request} /> : <InboxList />;
}

/** From an e-mail: mark that notification read and go to its page (the inbox itself when the app has none). */
function OpenFromLink({ link, id }: { link: string; id?: string }) {
  const { t } = useI18n();
  const me = useMe();
  const markRead = useMarkRead();
  const [, navigate] = useLocation();
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return; // StrictMode runs effects twice; one mark and one move are enough
    started.current = true;
    // A malformed or someone else's id changes nothing (the API says so); the page opens either way.
    if (id) markRead.mutate({ ids: [id] });
    navigate(appRouteOf(link, me.data?.employee?.nip) ?? '/kotak-masuk', { replace: true });
  }, [link, id, me.data, markRead, navigate]);
  return <p role="status">{t('inbox.opening')}</p>;
}

function InboxList() {
  const { t } = useI18n();
  const me = useMe();
  const inbox = useInbox();
  const unread = useUnreadCount();
  const markRead = useMarkRead();
  const [status, setStatus] = useState({ message: '' });
  const statusLine = useRef<HTMLParagraphElement>(null);
  // After a mark the button pressed is gone: the outcome is where the person continues from.
  useEffect(() => {
    if (status.message) statusLine.current?.focus();
  }, [status]);

  const mark = (which: { ids: string[] } | { all: true }, done: string) =>
    markRead.mutate(which, { onSuccess: () => setStatus({ message: done }) });

  const notifications = inbox.data?.pages.flatMap((p) => p.items) ?? [];
  const unreadCount = unread ?? inbox.data?.pages[0]?.unreadCount ?? 0;
  const myNip = me.data?.employee?.nip;
  return (
    <>
      <PageTitle>{t('nav.inbox')}</PageTitle>
      <p role="status" tabIndex={-1} ref={statusLine} className="status-line">
        {status.message}
      </p>
      {inbox.isPending ? (
        <p role="status">{t('loading')}</p>
      ) : !inbox.data ? (
        <>
          <FormError error={inbox.error} />
          <button type="button" onClick={() => void inbox.refetch()}>
            {t('error.retry')}
          </button>
        </>
      ) : notifications.length === 0 ? (
        <p>{t('inbox.empty')}</p>
      ) : (
        <>
          <div className="inbox-bar">
            <p>{unreadCount > 0 ? t('inbox.summary', { count: unreadCount }) : t('inbox.noneUnread')}</p>
            {unreadCount > 0 && (
              <button
                type="button"
                disabled={markRead.isPending}
                onClick={() => mark({ all: true }, t('inbox.allMarked'))}
              >
                {t('inbox.markAllRead')}
              </button>
            )}
          </div>
          <FormError error={markRead.error} />
          <ul className="inbox">
            {notifications.map((n) => (
              <NotificationItem
                key={n.id}
                notification={n}
                route={appRouteOf(n.link, myNip)}
                busy={markRead.isPending}
                onOpen={() => !n.read && markRead.mutate({ ids: [n.id] })}
                onMarkRead={() => mark({ ids: [n.id] }, t('inbox.oneMarked'))}
              />
            ))}
          </ul>
          {inbox.isFetchNextPageError && <FormError error={inbox.error} />}
          {inbox.hasNextPage && (
            <button type="button" disabled={inbox.isFetchingNextPage} onClick={() => void inbox.fetchNextPage()}>
              {inbox.isFetchingNextPage ? t('loading') : t('inbox.more')}
            </button>
          )}
        </>
      )}
    </>
  );
}

function NotificationItem({
  notification: n,
  route,
  busy,
  onOpen,
  onMarkRead,
}: {
  notification: Notification;
  route: string | undefined;
  busy: boolean;
  onOpen: () => void;
  onMarkRead: () => void;
}) {
  const { t, locale } = useI18n();
  const titleId = `notice-${n.id}`;
  const at = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Jakarta',
  }).format(new Date(n.createdAt));
  return (
    <li className={n.read ? 'notice' : 'notice notice-unread'}>
      <p className="notice-head">
        {!n.read && <span className="notice-flag">{t('inbox.unread')}</span>}
        <time dateTime={n.createdAt}>{t('inbox.at', { date: at })}</time>
      </p>
      <h2 id={titleId} className="notice-title">
        {route ? (
          <Link href={route} onClick={onOpen}>
            {n.title}
          </Link>
        ) : (
          n.title
        )}
      </h2>
      <p className="notice-body">{n.body}</p>
      {!route && <p className="notice-hint">{t('inbox.noPage')}</p>}
      {!n.read && (
        <button type="button" aria-describedby={titleId} disabled={busy} onClick={onMarkRead}>
          {t('inbox.markRead')}
        </button>
      )}
    </li>
  );
}
