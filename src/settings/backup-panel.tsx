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
  onExportCsv: () => Promise<string>;
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
              props.download(
                `recall-revlog-${props.today}.csv`,
                await props.onExportCsv(),
                'text/csv',
              );
              const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
              return `Review log saved as CSV for the FSRS optimizer. Its times are UTC: give the optimizer your time zone (${zone}) and the hour your study day starts ("Next day starts at" above) too, since it counts days between answers as study days.`;
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
