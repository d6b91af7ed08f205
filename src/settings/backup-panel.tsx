import { useState, type ChangeEvent } from 'react';
import { Banner } from '../ui/banner.tsx';
import { Button } from '../ui/button.tsx';

export interface BackupPanelProps {
  onExportBackup: () => Promise<string>;
  onImportBackup: (text: string) => Promise<string>;
  onExportCsv: () => Promise<string>;
  onRepair: () => Promise<string>;
  /** Saves text as a file; the app passes a browser download, tests a spy. */
  download: (name: string, text: string, mime: string) => void;
  today: string;
}

export function BackupPanel(props: BackupPanelProps) {
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const run = async (action: () => Promise<string>) => {
    try {
      setMessage({ kind: 'ok', text: await action() });
    } catch (err) {
      setMessage({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    }
  };
  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) void run(async () => props.onImportBackup(await file.text()));
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
        <label className="btn">
          Import backup…
          <input
            type="file"
            accept=".json,application/json"
            className="sr-only"
            onChange={onFile}
            data-testid="import-backup"
          />
        </label>
        <Button
          onClick={() =>
            void run(async () => {
              props.download(
                `recall-revlog-${props.today}.csv`,
                await props.onExportCsv(),
                'text/csv',
              );
              return 'Review log saved as CSV for the FSRS optimizer.';
            })
          }
        >
          Export review log (CSV)
        </Button>
        <Button onClick={() => void run(props.onRepair)}>Rebuild card states from the log</Button>
      </div>
      {message &&
        (message.kind === 'error' ? (
          <Banner kind="error">{message.text}</Banner>
        ) : (
          <p role="status">{message.text}</p>
        ))}
    </section>
  );
}
