/** WIB (UTC+7, Asia/Jakarta) has no daylight saving, so a fixed offset is exact. */
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The calendar date in WIB, YYYY-MM-DD. */
export const wibDate = (at: Date): string => new Date(at.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);

/** The calendar month in WIB, YYYY-MM. */
export const wibMonth = (at: Date): string => wibDate(at).slice(0, 7);
