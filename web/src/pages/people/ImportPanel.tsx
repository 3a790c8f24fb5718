/**
 * The CSV import with a preview: a file is read into the text box (or the rows are pasted there), "Periksa"
 * asks the API for a dry run (every row's outcome and problems, nothing written), the table shows them, the text
 * can be fixed and checked again, and "Impor" writes it — offered only when the check of exactly this text found
 * no problem. Separators (comma, semicolon, tab) and a byte order mark are the API's to read.
 */
import { type ChangeEvent, useId, useState } from 'react';
import { FormError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { TextAreaField } from '../activities/fields';
import { type ImportPreview, type ImportResult, isPreview, useImport } from './data';

export function ImportPanel() {
  const { t } = useI18n();
  const fileId = useId();
  const run = useImport();
  const [csv, setCsv] = useState('');
  const [preview, setPreview] = useState<{ of: string; answer: ImportPreview }>();
  const [result, setResult] = useState<ImportResult>();
  const [fileNote, setFileNote] = useState('');

  const load = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    // Blob.text() decodes UTF-8 and drops a byte order mark; the API would ignore it anyway.
    setCsv(await file.text());
    setPreview(undefined);
    setResult(undefined);
    setFileNote(t('people.import.loaded', { name: file.name }));
  };
  const check = () => {
    setResult(undefined);
    run.mutate(
      { csv, dryRun: true },
      { onSuccess: (answer) => setPreview(isPreview(answer) ? { of: csv, answer } : undefined) },
    );
  };
  const write = () =>
    run.mutate(
      { csv, dryRun: false },
      {
        onSuccess: (answer) => {
          if (isPreview(answer)) return;
          setResult(answer);
          setPreview(undefined);
        },
      },
    );
  const current = preview && preview.of === csv ? preview.answer : undefined;
  const ready = current !== undefined && current.invalid === 0 && current.rows > 0;

  return (
    <>
      <p>{t('people.import.intro')}</p>
      <div className="field">
        <label htmlFor={fileId}>{t('people.import.file')}</label>
        <input id={fileId} type="file" accept=".csv,.txt,.tsv,text/csv,text/plain" onChange={(e) => void load(e)} />
      </div>
      <p role="status" className="sent">
        {fileNote}
      </p>
      <TextAreaField
        label={t('people.import.text')}
        name="csv"
        hint={t('people.import.textHint')}
        rows={6}
        spellCheck={false}
        className="csv-text"
        value={csv}
        onChange={(e) => setCsv(e.target.value)}
      />
      <FormError error={run.error} />
      <div className="actions">
        <button
          type="button"
          className={ready ? undefined : 'primary'}
          disabled={run.isPending || !csv.trim()}
          onClick={check}
        >
          {t('people.import.check')}
        </button>
        {ready && (
          <button type="button" className="primary" disabled={run.isPending} onClick={write}>
            {t('people.import.run', { count: current.created + current.updated })}
          </button>
        )}
      </div>
      {preview && !current && <p className="hint">{t('people.import.changed')}</p>}
      {current && <PreviewTable preview={current} />}
      {result && (
        <p role="status" className="import-result">
          {t('people.import.done', {
            rows: result.rows,
            created: result.created,
            updated: result.updated,
            unchanged: result.unchanged,
          })}
        </p>
      )}
    </>
  );
}

function PreviewTable({ preview }: { preview: ImportPreview }) {
  const { t } = useI18n();
  return (
    <>
      <p role="status">
        {preview.invalid > 0
          ? t('people.import.problems', { invalid: preview.invalid, rows: preview.rows })
          : t('people.import.clean', {
              rows: preview.rows,
              created: preview.created,
              updated: preview.updated,
              unchanged: preview.unchanged,
            })}
      </p>
      <table className="import-preview">
        <caption>{t('people.import.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('people.import.line')}</th>
            <th scope="col">{t('people.import.person')}</th>
            <th scope="col">{t('people.import.outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.lines.map((l) => (
            <tr key={l.line} className={l.outcome === 'invalid' ? 'import-invalid' : undefined}>
              <th scope="row">{l.line}</th>
              <td>
                <span className="person-name">{l.name || '—'}</span>
                <br />
                <span className="person-nip">{l.nip || '—'}</span>
              </td>
              <td>
                {l.outcome === 'invalid' ? (
                  <ul>
                    {l.problems.map((p, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: a row's problems never reorder
                      <li key={i}>{p.message}</li>
                    ))}
                  </ul>
                ) : (
                  t(`people.import.outcome.${l.outcome}`)
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
