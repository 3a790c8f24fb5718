/** The offline pages' words: Bahasa Indonesia first; English must have every key (the type says so). */
export const id = {
  'offline.headerCount': '{count} belum terkirim',
  'offline.queuedSaved': 'Aktivitas disimpan di perangkat ini dan menunggu dikirim.',
  'offline.title': 'Belum terkirim',
  'offline.waitingOffline':
    'Tidak ada koneksi. {count} aktivitas tersimpan di perangkat ini dan dikirim otomatis saat tersambung lagi.',
  'offline.waitingOnline': '{count} aktivitas menunggu dikirim; dicoba lagi otomatis.',
  'offline.refusedNotice': '{count} aktivitas ditolak saat dikirim. Perbaiki lalu kirim lagi, atau buang.',
  'offline.status.waiting': 'Menunggu dikirim',
  'offline.status.refused': 'Ditolak saat dikirim',
  'offline.sendNow': 'Kirim sekarang',
  'offline.fix': 'Perbaiki',
  'offline.fixTitle': 'Perbaiki aktivitas',
  'offline.resend': 'Kirim lagi',
  'offline.discard': 'Buang',
  'offline.discardYes': 'Ya, buang',
  'offline.confirmDiscard': 'Buang aktivitas ini? Aktivitas ini belum tersimpan di server.',
} as const;

export const en: Record<keyof typeof id, string> = {
  'offline.headerCount': '{count} not sent',
  'offline.queuedSaved': 'The activity is kept on this device and waits to be sent.',
  'offline.title': 'Not sent yet',
  'offline.waitingOffline':
    'No connection. {count} activities are kept on this device and sent automatically once you are back online.',
  'offline.waitingOnline': '{count} activities waiting to be sent; retried automatically.',
  'offline.refusedNotice': '{count} activities were refused when sent. Fix and send again, or discard.',
  'offline.status.waiting': 'Waiting to be sent',
  'offline.status.refused': 'Refused when sent',
  'offline.sendNow': 'Send now',
  'offline.fix': 'Fix',
  'offline.fixTitle': 'Fix the activity',
  'offline.resend': 'Send again',
  'offline.discard': 'Discard',
  'offline.discardYes': 'Yes, discard',
  'offline.confirmDiscard': 'Discard this activity? It is not stored on the server yet.',
};
