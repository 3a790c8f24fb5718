/**
 * The fonts every printed document embeds (Roboto, Apache-2.0, as pdfmake ships it): two faces only, so a printing
 * function carries about 420 KB beside its bundle and nothing is fetched when a document is made. Shipped beside
 * the bundle as base64 text (infra/bundling.ts `prebuiltFiles`); read from pdfmake's package when run from source.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Face → the file pdfmake ships; italics fall back to the upright faces (documents use none). */
export const pdfFontFiles = { normal: 'Roboto-Regular.ttf', bold: 'Roboto-Medium.ttf' } as const;

/** The shipped file's name beside a bundle: base64 text of the font. */
export const shippedFontName = (file: string): string => `${file}.b64`;

/** A font's bytes from pdfmake's package (source runs, and the build step that ships them). */
export const packagedFont = (file: string): Buffer =>
  readFileSync(createRequire(import.meta.url).resolve(`pdfmake/fonts/Roboto/${file}`));

/** A font's bytes wherever this runs: beside the bundle when deployed, from the package otherwise. */
export const fontBytes = (file: string): Buffer =>
  import.meta.bundled
    ? Buffer.from(readFileSync(new URL(`./${shippedFontName(file)}`, import.meta.url), 'utf8'), 'base64')
    : packagedFont(file);
