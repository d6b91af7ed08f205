import { useId, useMemo, useState } from 'react';
import { DEFAULT_PRESET_ID, type Settings } from '../shared/types.ts';
import { Banner } from '../ui/banner.tsx';
import { Button } from '../ui/button.tsx';
import {
  addPreset,
  assign,
  deckNodes,
  deletePreset,
  fromDraft,
  ownOf,
  ownSummary,
  setOwn,
  toDraft,
  updatePreset,
  usedBy,
  type PresetDraft,
} from './preset-edit.ts';
import type { FieldError } from './settings-screen.tsx';
import './presets-panel.css';

export interface PresetsPanelProps {
  settings: Settings;
  /** Every deck's path under decks/ ('ml/nlp.md'); folders are derived from them. */
  deckPaths: readonly string[];
  onSave: (candidate: unknown) => Promise<{ ok: true } | { ok: false; errors: FieldError[] }>;
  /** Today's study day number (scheduler/day.ts studyDayNumber), for "today only" limits. */
  today: number;
}

/** Limit presets as Anki's deck options have them: edit one, and choose one per deck or folder. */
export function PresetsPanel({ settings, deckPaths, onSave, today }: PresetsPanelProps) {
  const [draft, setDraft] = useState<PresetDraft>(() => toDraft(settings, today));
  // Presets changed elsewhere (a save, another tab, a restored backup): start again from them.
  const basis = JSON.stringify(toDraft(settings, today));
  const [seen, setSeen] = useState(basis);
  if (basis !== seen) {
    setSeen(basis);
    setDraft(toDraft(settings, today));
  }
  const [selected, setSelected] = useState(DEFAULT_PRESET_ID);
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const id = useId();
  const nodes = useMemo(() => deckNodes(deckPaths), [deckPaths]);
  const preset = draft.presets.find((p) => p.id === selected) ?? draft.presets[0]!;
  const isDefault = preset.id === DEFAULT_PRESET_ID;

  const edit = (next: PresetDraft) => {
    setStatus(null);
    setDraft(next);
  };
  const save = async () => {
    setSaving(true);
    try {
      const result = await onSave(fromDraft(settings, draft, today));
      setStatus(
        result.ok
          ? { ok: true, text: 'Presets saved.' }
          : {
              ok: false,
              text: `Nothing was saved: ${result.errors.map((e) => e.message).join(' ')}`,
            },
      );
    } catch (err) {
      setStatus({
        ok: false,
        text: `Nothing was saved: ${err instanceof Error ? err.message : String(err)}`,
      });
    } finally {
      setSaving(false);
    }
  };
  const users = usedBy(draft, nodes, preset.id);

  return (
    <section className="settings presets card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Limit presets</h2>
      <p className="muted small">
        Daily limits shared by decks, as Anki&apos;s presets. A folder&apos;s limits cap all the
        decks under it when you study them together. Default holds the daily limits above.
      </p>
      <div className="preset-pick">
        <div className="field">
          <label htmlFor={`${id}-pick`}>Preset to edit</label>
          <select
            id={`${id}-pick`}
            value={preset.id}
            onChange={(e) => {
              setConfirming(false);
              setSelected(e.target.value);
            }}
          >
            {draft.presets.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <Button
          onClick={() => {
            const [next, newId] = addPreset(draft);
            edit(next);
            setSelected(newId);
            setConfirming(false);
          }}
        >
          New preset
        </Button>
      </div>
      <div className="preset-fields" role="group" aria-label={`Limits of ${preset.name}`}>
        {!isDefault && (
          <div className="field">
            <label htmlFor={`${id}-name`}>Name</label>
            <input
              id={`${id}-name`}
              value={preset.name}
              onChange={(e) => edit(updatePreset(draft, preset.id, { name: e.target.value }))}
            />
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-new`}>New cards a day</label>
          <input
            id={`${id}-new`}
            inputMode="numeric"
            value={preset.newPerDay}
            onChange={(e) => edit(updatePreset(draft, preset.id, { newPerDay: e.target.value }))}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-reviews`}>Maximum reviews a day</label>
          <input
            id={`${id}-reviews`}
            inputMode="numeric"
            value={preset.reviewsPerDay}
            onChange={(e) =>
              edit(updatePreset(draft, preset.id, { reviewsPerDay: e.target.value }))
            }
          />
        </div>
      </div>
      {!isDefault &&
        (confirming ? (
          <div className="preset-confirm" role="group" aria-label="Confirm deletion">
            <p>
              Delete “{preset.name}”?{' '}
              {users > 0 &&
                `${users} ${users === 1 ? 'deck or folder uses' : 'decks and folders use'} it and will use Default.`}
            </p>
            <Button
              onClick={() => {
                edit(deletePreset(draft, preset.id));
                setSelected(DEFAULT_PRESET_ID);
                setConfirming(false);
              }}
            >
              Delete preset
            </Button>{' '}
            <Button onClick={() => setConfirming(false)}>Keep it</Button>
          </div>
        ) : (
          <Button onClick={() => setConfirming(true)}>Delete “{preset.name}”…</Button>
        ))}

      <h3 id={`${id}-decks`}>Decks and folders</h3>
      <p className="muted small">
        A deck or folder can also have its own limits over its preset&apos;s (&ldquo;This
        deck&rdquo;), or limits for today only, as in Anki.
      </p>
      <label className="check">
        <input
          type="checkbox"
          checked={draft.applyAllParentLimits}
          onChange={(e) => edit({ ...draft, applyAllParentLimits: e.target.checked })}
        />{' '}
        Apply limits from parent folders (studying a deck, the folders above it cap it too)
      </label>
      {nodes.length === 0 ? (
        <p className="muted small">No decks yet.</p>
      ) : (
        <table className="data preset-table" aria-labelledby={`${id}-decks`}>
          <thead>
            <tr>
              <th scope="col">Deck or folder</th>
              <th scope="col">Preset</th>
            </tr>
          </thead>
          <tbody>
            {nodes.map((n) => (
              <tr key={n.path}>
                <th scope="row" style={{ paddingInlineStart: `${0.5 + 0.75 * n.depth}rem` }}>
                  <span className="preset-node">
                    {n.name}
                    {n.folder && '/'}
                  </span>
                  {n.folder && <span className="muted small"> folder</span>}
                </th>
                <td>
                  <select
                    aria-label={`Preset for ${n.path}${n.folder ? '/' : ''}`}
                    value={draft.assigned[n.path] ?? DEFAULT_PRESET_ID}
                    onChange={(e) => edit(assign(draft, n.path, e.target.value))}
                  >
                    {draft.presets.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}
                      </option>
                    ))}
                  </select>
                  <OwnLimits
                    node={`${n.path}${n.folder ? '/' : ''}`}
                    value={ownOf(draft, n.path)}
                    onChange={(patch) => edit(setOwn(draft, n.path, patch))}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {status &&
        (status.ok ? (
          <p role="status">{status.text}</p>
        ) : (
          <Banner kind="error">{status.text}</Banner>
        ))}
      <Button variant="primary" disabled={saving} onClick={() => void save()}>
        Save presets
      </Button>
    </section>
  );
}

const OWN_FIELDS = [
  ['newPerDay', 'New a day'],
  ['reviewsPerDay', 'Reviews a day'],
  ['todayNew', 'New today only'],
  ['todayReviews', 'Reviews today only'],
] as const;

/** A deck's or folder's own limits, folded away until opened: blank fields use the preset's. */
function OwnLimits({
  node,
  value,
  onChange,
}: {
  node: string;
  value: ReturnType<typeof ownOf>;
  onChange: (patch: Partial<ReturnType<typeof ownOf>>) => void;
}) {
  const id = useId();
  const summary = ownSummary(value);
  return (
    <details className="own-limits" open={summary !== '' || undefined}>
      <summary>
        Own limits{summary ? `: ${summary}` : ''}
        <span className="sr-only"> of {node}</span>
      </summary>
      <div className="own-limits-fields">
        {OWN_FIELDS.map(([key, label]) => (
          <div className="field" key={key}>
            <label htmlFor={`${id}-${key}`}>{label}</label>
            <input
              id={`${id}-${key}`}
              inputMode="numeric"
              placeholder="preset"
              value={value[key]}
              aria-label={`${label} for ${node}`}
              onChange={(e) => onChange({ [key]: e.target.value })}
            />
          </div>
        ))}
      </div>
    </details>
  );
}
