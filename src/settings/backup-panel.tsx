import type { AnswerZoneSpan } from '../scheduler/optimizer-csv.ts';
import { useState, type ChangeEvent } from 'react';
import { Banner } from '../ui/banner.tsx';
import { Button } from '../ui/button.tsx';

/** How far an import is (the store reports it: records checked, answers saved, cards rebuilt). */
export interface ImportProgress {
  phase: 'checking' | 'saving' | 'rebuilding';
  done: number;
  total: number;
}

const count = (n: number) => n.toLocaleString('en-US');

/** The sentence under the import's progress bar. */
export function importProgressText(p: ImportProgress): string {
  switch (p.phase) {
    case 'checking':
      return `Checking ${count(p.done)} of ${count(p.total)} records…`;
    case 'saving':
      return `Saving ${count(p.done)} of ${count(p.total)} answers…`;
    case 'rebuilding':
      return `Rebuilding ${count(p.total)} ${p.total === 1 ? 'card' : 'cards'}…`;
  }
}

export interface BackupPanelProps {
  onExportBackup: () => Promise<string>;
  /** Takes the chosen file itself: it is read off the main thread. */
  onImportBackup: (file: Blob, onProgress: (progress: ImportProgress) => void) => Promise<string>;
  onExportCsv: () => Promise<{ csv: string; zones: AnswerZoneSpan[] }>;
  onRepair: () => Promise<string>;
  /** Saves text as a file; the app passes a browser download, tests a spy. */
  download: (name: string, text: string, mime: string) => void;
  today: string;
}

export function BackupPanel(props: BackupPanelProps) {
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    try {
      setMessage({ kind: 'ok', text: await action() });
    } catch (err) {
      setMessage({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };
  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file || busy) return;
    setMessage(null);
    void run(() => props.onImportBackup(file, setProgress));
  };
  return (
    <section className="card backup" aria-labelledby="backup-title">
      <h2 id="backup-title">Backup</h2>
      <p className="muted small">
        A backup holds your settings, every card’s progress and the whole review log. Importing
        merges: answers already here are kept, answers from the file are added.
      </p>
      <div className="row">
        <Button
          disabled={busy}
          onClick={() =>
            void run(async () => {
              props.download(
                `recall-backup-${props.today}.json`,
                await props.onExportBackup(),
                'application/json',
              );
              return 'Backup saved.';
            })
          }
        >
          Export backup
        </Button>
        <label className="btn" aria-disabled={busy || undefined}>
          Import backup…
          <input
            type="file"
            accept=".json,application/json"
            className="sr-only"
            onChange={onFile}
            disabled={busy}
            data-testid="import-backup"
          />
        </label>
        <Button
          disabled={busy}
          onClick={() =>
            void run(async () => {
              const { csv, zones } = await props.onExportCsv();
              props.download(`recall-revlog-${props.today}.csv`, csv, 'text/csv');
              return csvExportMessage(zones);
            })
          }
        >
          Export review log (CSV)
        </Button>
        <Button disabled={busy} onClick={() => void run(props.onRepair)}>
          Rebuild card states from the log
        </Button>
      </div>
      {progress && (
        <div className="import-progress">
          <progress
            aria-labelledby="import-progress-text"
            value={progress.done}
            max={Math.max(1, progress.total)}
          />
          <p id="import-progress-text" role="status" className="small">
            {importProgressText(progress)}
          </p>
        </div>
      )}
      {message &&
        (message.kind === 'error' ? (
          <Banner kind="error">{message.text}</Banner>
        ) : (
          <p role="status">{message.text}</p>
        ))}
    </section>
  );
}

const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * What the optimizer needs besides the CSV, whose times are UTC: it counts days between answers
 * as study days, so it needs the time zone and day-start hour each answer was counted in.
 */
export function csvExportMessage(zones: readonly AnswerZoneSpan[]): string {
  const head = 'Review log saved as CSV for the FSRS optimizer.';
  if (zones.length === 0) return `${head} It has no answers yet.`;
  const tail =
    ' Its times are UTC; the optimizer counts days between answers as study days, so give it the time zone and the hour the study day starts too.';
  const where = (z: AnswerZoneSpan) => `${z.timeZone}, days starting at ${z.dayStartHour}:00`;
  if (zones.length === 1)
    return `${head}${tail} All its answers were given in ${where(zones[0]!)}.`;
  const runs = zones.map(
    (z) =>
      `${where(z)}: ${z.answers} ${z.answers === 1 ? 'answer' : 'answers'}, ${dateOf(z.from)} to ${dateOf(z.to)}`,
  );
  return `${head}${tail} Its answers were given in ${zones.length} settings, oldest first: ${runs.join('; ')}. The optimizer takes one zone per file: split the CSV by these dates, or give it the zone of most answers (Recall's own Optimize counts each answer in its own zone).`;
}
