/**
 * Progress output for the local scripts: updated in place on a terminal, plain lines anywhere else. Escape codes
 * only reach a TTY, and not even that with NO_COLOR set (https://no-color.org) or TERM=dumb: a pipe, a file or CI
 * logs get plain text.
 */

export interface Progress {
  /** Work in progress: redrawn in place on a terminal, not shown elsewhere (its final line says it all). */
  update(text: string): void;
  /** A finished line: replaces the progress shown on a terminal. */
  line(text: string): void;
}

export const usesEscapeCodes = (
  stream: { isTTY?: boolean },
  env: Record<string, string | undefined> = process.env,
): boolean => !!stream.isTTY && !env.NO_COLOR && env.TERM !== 'dumb';

export function progressOn(
  stream: { isTTY?: boolean; write(text: string): unknown },
  env: Record<string, string | undefined> = process.env,
): Progress {
  const fancy = usesEscapeCodes(stream, env);
  return {
    update: (text) => {
      if (fancy) stream.write(`\r\x1b[K${text}`);
    },
    line: (text) => {
      stream.write(fancy ? `\r\x1b[K${text}\n` : `${text}\n`);
    },
  };
}
