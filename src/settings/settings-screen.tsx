import { useId, useState, type FormEvent } from 'react';
import type { Settings } from '../shared/types.ts';
import { Banner } from '../ui/banner.tsx';
import { Button } from '../ui/button.tsx';
import { FIELD_HELP, fromForm, CHOICES, toForm, type SettingsForm } from './settings-form.ts';

export interface FieldError {
  field: string;
  message: string;
}

export interface SettingsScreenProps {
  settings: Settings;
  onSave: (candidate: unknown) => Promise<{ ok: true } | { ok: false; errors: FieldError[] }>;
}

type SelectField = keyof typeof CHOICES;
type SwitchField = 'newCardsIgnoreReviewLimit' | 'enableFuzz';

const isSelect = (f: keyof SettingsForm): f is SelectField => f in CHOICES;
const isSwitch = (f: keyof SettingsForm): f is SwitchField =>
  f === 'newCardsIgnoreReviewLimit' || f === 'enableFuzz';

/** The fields in groups, as Anki's deck options group them. */
export const GROUPS: [title: string, fields: (keyof SettingsForm)[]][] = [
  ['Daily limits', ['newPerDay', 'reviewsPerDay', 'newCardsIgnoreReviewLimit']],
  ['Steps', ['learningSteps', 'relearningSteps']],
  ['Leeches', ['leechThreshold', 'leechAction']],
  ['Display order', ['newCardOrder', 'newReviewMix', 'reviewOrder']],
  [
    'Advanced',
    [
      'desiredRetention',
      'maximumInterval',
      'dayStartHour',
      'learnAheadMins',
      'weights',
      'enableFuzz',
    ],
  ],
];

export function SettingsScreen({ settings, onSave }: SettingsScreenProps) {
  const [form, setForm] = useState<SettingsForm>(() => toForm(settings));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState(false);
  /** Why storing failed (storage full, unavailable): the form stays as typed. */
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const id = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setSaveError(null);
    try {
      const result = await onSave(fromForm(form));
      setErrors(result.ok ? [] : result.errors);
      setSaved(result.ok);
    } catch (err) {
      setSaved(false);
      setSaveError(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  };
  const errorFor = (field: string) => errors.find((x) => x.field === field)?.message;
  const edit = (patch: Partial<SettingsForm>) => {
    setSaved(false);
    setForm({ ...form, ...patch });
  };

  /** One field: a checkbox, a select or a text input, with its help or its error below. */
  const field = (name: keyof SettingsForm) => {
    const [label, help] = FIELD_HELP[name];
    const error = errorFor(name);
    const inputId = `${id}-${name}`;
    const helpLine = (
      <p id={`${inputId}-help`} className={error ? 'field-error' : 'muted small'}>
        {error ?? help}
      </p>
    );
    if (isSwitch(name))
      return (
        <div className="field checkbox" key={name}>
          <label>
            <input
              type="checkbox"
              name={name}
              checked={form[name]}
              aria-describedby={`${inputId}-help`}
              onChange={(e) => edit({ [name]: e.target.checked })}
            />{' '}
            {label}
          </label>
          {helpLine}
        </div>
      );
    return (
      <div className="field" key={name}>
        <label htmlFor={inputId}>{label}</label>
        {isSelect(name) ? (
          <select
            id={inputId}
            name={name}
            value={form[name]}
            aria-describedby={`${inputId}-help`}
            onChange={(e) => edit({ [name]: e.target.value })}
          >
            {CHOICES[name].map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
        ) : (
          <input
            id={inputId}
            name={name}
            value={form[name] as string}
            inputMode={name.endsWith('Steps') || name === 'weights' ? 'text' : 'decimal'}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${inputId}-help`}
            onChange={(e) => edit({ [name]: e.target.value })}
          />
        )}
        {helpLine}
      </div>
    );
  };

  return (
    <form
      className="settings card"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label="Scheduling"
    >
      <h2>Scheduling</h2>
      {GROUPS.map(([title, fields], i) => (
        <section key={title} className="settings-group" aria-labelledby={`${id}-group-${i}`}>
          <h3 id={`${id}-group-${i}`}>{title}</h3>
          {fields.map(field)}
        </section>
      ))}
      {errors.length > 0 && (
        <Banner kind="error">
          Nothing was saved: fix the {errors.length === 1 ? 'field' : 'fields'} marked above.
        </Banner>
      )}
      {saveError !== null && <Banner kind="error">Nothing was saved: {saveError}</Banner>}
      {saved && <p role="status">Saved.</p>}
      <Button type="submit" variant="primary" disabled={saving}>
        Save settings
      </Button>
    </form>
  );
}
