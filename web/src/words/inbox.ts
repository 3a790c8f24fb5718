/** The inbox pages' words: Bahasa Indonesia first; English must have every key (the type says so). */
export const id = {
  'inbox.unreadBadge': '{count} belum dibaca',
  'inbox.unread': 'Belum dibaca',
  'inbox.markRead': 'Tandai sudah dibaca',
  'inbox.markAllRead': 'Tandai semua sudah dibaca',
  'inbox.allMarked': 'Semua notifikasi sudah ditandai dibaca.',
  'inbox.oneMarked': 'Notifikasi ditandai sudah dibaca.',
  'inbox.summary': '{count} notifikasi belum dibaca.',
  'inbox.noneUnread': 'Tidak ada notifikasi yang belum dibaca.',
  'inbox.empty': 'Belum ada notifikasi.',
  'inbox.more': 'Muat notifikasi lainnya',
  'inbox.noPage': 'Belum ada halaman aplikasi untuk notifikasi ini.',
  'inbox.opening': 'Membuka halaman notifikasi…',
  'inbox.at': '{date} WIB',
} as const;

export const en: Record<keyof typeof id, string> = {
  'inbox.unreadBadge': '{count} unread',
  'inbox.unread': 'Unread',
  'inbox.markRead': 'Mark as read',
  'inbox.markAllRead': 'Mark all as read',
  'inbox.allMarked': 'All notifications are marked as read.',
  'inbox.oneMarked': 'Notification marked as read.',
  'inbox.summary': '{count} unread notifications.',
  'inbox.noneUnread': 'No unread notifications.',
  'inbox.empty': 'No notifications yet.',
  'inbox.more': 'Load more notifications',
  'inbox.noPage': 'The app has no page for this notification yet.',
  'inbox.opening': 'Opening the notification’s page…',
  'inbox.at': '{date} WIB',
};
