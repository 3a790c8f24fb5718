/**
 * The PDF library goes only into the functions that print: every other function's bundle (built as the stack
 * builds it) holds no module of pdfmake, pdfkit or fontkit, and the printing functions hold pdfmake and ship the
 * fonts beside their bundle.
 */
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { bundling, prebuiltFiles } from '../../infra/bundling.ts';
import { shippedFontName } from '../../shared/http/pdf-fonts.ts';
import { functions } from '../../shared/platform/manifest.ts';

const PRINTING = /node_modules\/(pdfmake|pdfkit|fontkit|@foliojs-fork|linebreak)\//;

async function inputsOf(entries: Record<string, string>): Promise<Map<string, string[]>> {
  const out = await build({
    entryPoints: entries,
    bundle: true,
    outdir: '/tmp/kinerja-documents-bundle',
    write: false,
    metafile: true,
    logLevel: 'error',
    ...bundling,
    banner: { js: bundling.banner },
  });
  const byEntry = new Map<string, string[]>();
  for (const [file, output] of Object.entries(out.metafile.outputs)) {
    const name = /([^/]+)\.js$/.exec(file)?.[1];
    if (name && output.entryPoint) byEntry.set(name, Object.keys(output.inputs));
  }
  return byEntry;
}

describe('bundles', () => {
  it('only the printing functions carry the PDF library; they ship the fonts beside it', {
    timeout: 120_000,
  }, async () => {
    const entries = Object.fromEntries(functions.map((f) => [f.name, f.entry]));
    const inputs = await inputsOf(entries);
    expect(inputs.size).toBe(functions.length);
    for (const f of functions) {
      const printing = (inputs.get(f.name) ?? []).filter((i) => PRINTING.test(i));
      if (f.prints) {
        expect(
          printing.some((i) => i.includes('node_modules/pdfmake/')),
          f.name,
        ).toBe(true);
        expect(Object.keys(prebuiltFiles[f.name] ?? {})).toEqual([
          shippedFontName('Roboto-Regular.ttf'),
          shippedFontName('Roboto-Medium.ttf'),
        ]);
      } else expect(printing, f.name).toEqual([]);
    }
    expect(functions.filter((f) => f.prints).map((f) => f.name)).toEqual([
      'get-plan-document',
      'get-evaluation-document',
    ]);
  });
});
