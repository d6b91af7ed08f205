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

const TEXT_FIELDS: (keyof SettingsForm)[] = [
  'desiredRetention',
  'newPerDay',
  'reviewsPerDay',
  'learningSteps',
  'relearningSteps',
  'maximumInterval',
  'dayStartHour',
  'learnAheadMins',
  'leechThreshold',
  'weights',
];

const SELECTS = ['newCardOrder', 'newReviewMix', 'reviewOrder', 'leechAction'] as const;
const SWITCHES = ['newCardsIgnoreReviewLimit', 'enableFuzz'] as const;

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

  return (
    <form
      className="settings card"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label="Scheduling"
    >
      <h2>Scheduling</h2>
      {TEXT_FIELDS.map((field) => {
        const [label, help] = FIELD_HELP[field];
        const error = errorFor(field);
        return (
          <div className="field" key={field}>
            <label htmlFor={`${id}-${field}`}>{label}</label>
            <input
              id={`${id}-${field}`}
              name={field}
              value={form[field] as string}
              inputMode={field.endsWith('Steps') || field === 'weights' ? 'text' : 'decimal'}
              aria-invalid={error ? true : undefined}
              aria-describedby={`${id}-${field}-help`}
              onChange={(e) => {
                setSaved(false);
                setForm({ ...form, [field]: e.target.value });
              }}
            />
            <p id={`${id}-${field}-help`} className={error ? 'field-error' : 'muted small'}>
              {error ?? help}
            </p>
          </div>
        );
      })}
      {SELECTS.map((field) => (
        <div className="field" key={field}>
          <label htmlFor={`${id}-${field}`}>{FIELD_HELP[field][0]}</label>
          <select
            id={`${id}-${field}`}
            name={field}
            value={form[field]}
            aria-describedby={`${id}-${field}-help`}
            onChange={(e) => {
              setSaved(false);
              setForm({ ...form, [field]: e.target.value });
            }}
          >
            {CHOICES[field].map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
          <p id={`${id}-${field}-help`} className={errorFor(field) ? 'field-error' : 'muted small'}>
            {errorFor(field) ?? FIELD_HELP[field][1]}
          </p>
        </div>
      ))}
      {SWITCHES.map((field) => (
        <div className="field checkbox" key={field}>
          <label>
            <input
              type="checkbox"
              name={field}
              checked={form[field]}
              onChange={(e) => {
                setSaved(false);
                setForm({ ...form, [field]: e.target.checked });
              }}
            />{' '}
            {FIELD_HELP[field][0]}
          </label>
          <p className="muted small">{FIELD_HELP[field][1]}</p>
        </div>
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
