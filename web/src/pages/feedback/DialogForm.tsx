/**
 * Records a performance dialog with one team member: the date, the topics (one per line), the agreed follow-ups
 * (what, by whom, optionally by when) and notes. Each API message goes under the field it names, a follow-up's
 * under that follow-up's field.
 */
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client';
import { Field, FormError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { todayWib } from '../activities/dates';
import { SelectField, TextAreaField } from '../activities/fields';
import { type TeamMember, useRecordDialog } from './data';
import { dialogInputOf, type FollowUpRow } from './dialog-input';

let nextKey = 0;

export function DialogForm({ member }: { member: TeamMember }) {
  const { t } = useI18n();
  const record = useRecordDialog(member.nip);
  const [date, setDate] = useState(todayWib);
  const [topics, setTopics] = useState('');
  const [followUps, setFollowUps] = useState<FollowUpRow[]>([]);
  const [notes, setNotes] = useState('');
  const [sent, setSent] = useState('');
  const errors = record.error instanceof ApiError ? record.error.fieldErrors() : {};
  const topicsError = errors.topics ?? Object.entries(errors).find(([field]) => field.startsWith('topics.'))?.[1];

  const change = (key: number, patch: Partial<FollowUpRow>) =>
    setFollowUps((rows) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSent('');
    record.mutate(dialogInputOf({ date, topics, followUps, notes }), {
      onSuccess: () => {
        setTopics('');
        setFollowUps([]);
        setNotes('');
        setSent(t('feedback.recorded', { name: member.name }));
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <FormError error={record.error} />
      <Field
        label={t('feedback.dialogDate')}
        name="date"
        type="date"
        error={errors.date}
        value={date}
        onChange={(e) => setDate(e.target.value)}
      />
      <TextAreaField
        label={t('feedback.topics')}
        name="topics"
        hint={t('feedback.topicsHint')}
        rows={3}
        error={topicsError}
        value={topics}
        onChange={(e) => setTopics(e.target.value)}
      />
      <fieldset className="follow-ups">
        <legend>{t('feedback.followUps')}</legend>
        {followUps.map((row, i) => (
          <fieldset key={row.key} className="follow-up">
            <legend>{t('feedback.followUp', { n: i + 1 })}</legend>
            <Field
              label={t('feedback.followUpText')}
              name={`followUps.${i}.text`}
              error={errors[`followUps.${i}.text`]}
              value={row.text}
              onChange={(e) => change(row.key, { text: e.target.value })}
            />
            <SelectField
              label={t('feedback.owner')}
              name={`followUps.${i}.owner`}
              error={errors[`followUps.${i}.owner`]}
              value={row.owner}
              onChange={(e) => change(row.key, { owner: e.target.value as FollowUpRow['owner'] })}
            >
              <option value="employee">{t('feedback.owner.employee')}</option>
              <option value="supervisor">{t('feedback.owner.supervisor')}</option>
            </SelectField>
            <Field
              label={t('feedback.due')}
              name={`followUps.${i}.due`}
              type="date"
              error={errors[`followUps.${i}.due`]}
              value={row.due}
              onChange={(e) => change(row.key, { due: e.target.value })}
            />
            <button type="button" onClick={() => setFollowUps((rows) => rows.filter((r) => r.key !== row.key))}>
              {t('feedback.removeFollowUp', { n: i + 1 })}
            </button>
          </fieldset>
        ))}
        <button
          type="button"
          onClick={() => setFollowUps((rows) => [...rows, { key: nextKey++, text: '', owner: 'employee', due: '' }])}
        >
          {t('feedback.addFollowUp')}
        </button>
      </fieldset>
      <TextAreaField
        label={t('feedback.notes')}
        name="notes"
        rows={3}
        error={errors.notes}
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
      />
      <p role="status" className="sent">
        {sent}
      </p>
      <button type="submit" className="primary" disabled={record.isPending}>
        {record.isPending ? t('feedback.working') : t('feedback.record')}
      </button>
    </form>
  );
}
