/**
 * The supervisor's feedback to one team member: about the work in general or an RHK of their plan (picked by its
 * title), and the text. The API's messages go under the field they name.
 */
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client';
import { FormError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { todayWib, yearOf } from '../activities/dates';
import { SelectField, TextAreaField } from '../activities/fields';
import { type FeedbackAbout, type TeamMember, useGiveFeedback, useRhkOf } from './data';

const GENERAL = 'general';

export function GiveFeedbackForm({ member }: { member: TeamMember }) {
  const { t } = useI18n();
  const year = yearOf(todayWib());
  const rhk = useRhkOf(member.nip, year);
  const give = useGiveFeedback(member.nip);
  const [about, setAbout] = useState(GENERAL);
  const [text, setText] = useState('');
  const [sent, setSent] = useState('');
  const errors = give.error instanceof ApiError ? give.error.fieldErrors() : {};
  const aboutError =
    errors.about ??
    errors['about.kind'] ??
    errors['about.rhkId'] ??
    (give.error instanceof ApiError && give.error.code === 'feedback_target_unknown' ? give.error.message : undefined);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSent('');
    const target: FeedbackAbout =
      about === GENERAL ? { kind: 'general' } : { kind: 'rhk', year, rhkId: about.slice('rhk:'.length) };
    give.mutate(
      { about: target, text },
      {
        onSuccess: () => {
          setText('');
          setAbout(GENERAL);
          setSent(t('feedback.given', { name: member.name }));
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <FormError error={give.error} />
      <SelectField
        label={t('feedback.aboutLabel')}
        name="about"
        error={aboutError}
        value={about}
        onChange={(e) => setAbout(e.target.value)}
      >
        <option value={GENERAL}>{t('feedback.about.general')}</option>
        {rhk.data?.map((r) => (
          <option key={r.id} value={`rhk:${r.id}`}>
            {t('feedback.aboutRhk', { title: r.title })}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t('feedback.text')}
        name="text"
        hint={t('feedback.textHint')}
        rows={4}
        error={errors.text}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <p role="status" className="sent">
        {sent}
      </p>
      <button type="submit" className="primary" disabled={give.isPending}>
        {give.isPending ? t('feedback.working') : t('feedback.give')}
      </button>
    </form>
  );
}
