// Catches what a screen throws while drawing, so one broken screen never blanks the whole app:
// it says what happened and offers the ways out (home, rebuild from the log, a backup).
import { Component, useState, type ErrorInfo, type ReactNode } from 'react';
import './screen-boundary.css';
import { Banner } from '../ui/banner.tsx';
import { Button } from '../ui/button.tsx';
import { download, fileDate } from './download.ts';
import { useRecall } from './store.ts';
import { routeHref } from './use-route.ts';

interface BoundaryState {
  error: unknown;
}

/** Keyed by route in app.tsx, so going to another screen starts clean. */
export class ScreenBoundary extends Component<{ children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error: error ?? new Error('Unknown error') };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    // Kept on the console for whoever debugs it; the person reads the sentence on the page.
    console.error('A screen failed to draw:', error, info.componentStack);
  }

  reset = () => this.setState({ error: null });

  override render() {
    if (this.state.error === null) return this.props.children;
    return <ScreenError error={this.state.error} onReset={this.reset} />;
  }
}

const messageOf = (error: unknown) =>
  error instanceof Error ? error.message : typeof error === 'string' ? error : String(error);

function ScreenError({ error, onReset }: { error: unknown; onReset: () => void }) {
  const repair = useRecall((s) => s.repair);
  const exportBackup = useRecall((s) => s.exportBackup);
  const [note, setNote] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [repaired, setRepaired] = useState(false);
  const run = async (action: () => Promise<string>, after?: () => void) => {
    try {
      setNote({ kind: 'ok', text: await action() });
      after?.();
    } catch (err) {
      setNote({ kind: 'error', text: messageOf(err) });
    }
  };
  return (
    <section className="card screen-error" role="alert" aria-labelledby="screen-error-title">
      <h2 id="screen-error-title">This screen stopped working</h2>
      <p>
        Recall hit an error while showing it: “{messageOf(error)}”. Answers already saved are safe.
        Go back to your decks, or if it happens again, rebuild the card states from the review log;
        export a backup first if you want a copy of everything.
      </p>
      <div className="row">
        <a className="btn primary" href={routeHref({ name: 'home' })} onClick={onReset}>
          Back to your decks
        </a>
        <Button onClick={() => void run(repair, () => setRepaired(true))}>
          Rebuild card states from the log
        </Button>
        <Button
          onClick={() =>
            void run(async () => {
              download(
                `recall-backup-${fileDate()}.json`,
                await exportBackup(),
                'application/json',
              );
              return 'Backup saved.';
            })
          }
        >
          Export a backup
        </Button>
        {repaired && <Button onClick={onReset}>Try this screen again</Button>}
      </div>
      {note &&
        (note.kind === 'error' ? (
          <Banner kind="error">{note.text}</Banner>
        ) : (
          <p role="status">{note.text}</p>
        ))}
    </section>
  );
}
