import { resolve } from 'node:path';

/** Everything `npm start` keeps lives under .data/ (git-ignored; KINERJA_DATA_DIR moves it): delete it to start from scratch. */
export const DATA_DIR = resolve(process.env.KINERJA_DATA_DIR ?? resolve(import.meta.dirname, '../../.data'));
export const DYNAMODB_DIR = resolve(DATA_DIR, 'dynamodb');
export const KEY_FILE = resolve(DATA_DIR, 'keys/signing-key.json');
/** The key survey links are signed with (Secrets Manager in the cloud); links stay valid across restarts. */
export const SURVEY_KEY_FILE = resolve(DATA_DIR, 'keys/survey-signing-key');
/** Each organisation's survey key set after its first rotation (`npm run rotate-survey-key`), one JSON file each. */
export const SURVEY_KEYS_DIR = resolve(DATA_DIR, 'keys/survey');
export const USERS_FILE = resolve(DATA_DIR, 'local-users.json');
export const CHECKPOINT_FILE = resolve(DATA_DIR, 'stream-checkpoints.json');
export const FAILURES_DIR = resolve(DATA_DIR, 'stream-failures');
/** Notification e-mails, one .eml file each (the cloud sends them through SES). */
export const OUTBOX_DIR = resolve(DATA_DIR, 'outbox');

export const LOCAL_TABLES = { main: 'kinerja-main', audit: 'kinerja-audit' } as const;
