import { useMemo, useState, type ChangeEvent } from 'react';
import { parseDeck } from '../deck/parse-deck.ts';
import { deckRows, todayStats } from '../library/deck-rows.ts';
import { HomeScreen } from '../library/home-screen.tsx';
import { StorageNotice } from '../library/storage-notice.tsx';
import { Banner } from '../ui/banner.tsx';
import { useNow } from './use-now.ts';
import { navigate, routeHref } from './use-route.ts';
import { useStorageNotice } from './use-storage-notice.ts';
import { useRecall } from './store.ts';

export function HomeContainer() {
  const decks = useRecall((s) => s.decks);
  const states = useRecall((s) => s.states);
  const todayLog = useRecall((s) => s.todayLog);
  const settings = useRecall((s) => s.settings);
  const problems = useRecall((s) => s.problems);
  const persistent = useRecall((s) => s.persistent);
  const orphans = useRecall((s) => s.orphans);
  const addDeck = useRecall((s) => s.addDeck);
  const now = useNow(60_000);
  const [opened, setOpened] = useState<string | null>(null);
  const notice = useStorageNotice(persistent);

  const rows = useMemo(
    () => deckRows({ decks, states, todayLog, settings, now }),
    [decks, states, todayLog, settings, now],
  );
  const today = useMemo(
    () => todayStats({ decks, states, todayLog, settings, now }),
    [decks, states, todayLog, settings, now],
  );

  const warnings = [...problems];
  if (orphans > 0)
    warnings.push(
      `${orphans} ${orphans === 1 ? 'card has progress but no longer appears' : 'cards have progress but no longer appear'} in any deck; the progress is kept and resumes if the question comes back.`,
    );

  const onOpen = async (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    const notes: string[] = [];
    for (const file of files) {
      const deck = parseDeck(await file.text(), file.name);
      addDeck(deck);
      const errors = deck.diagnostics.filter((d) => d.severity === 'error').length;
      notes.push(`${file.name}: ${deck.cards.length} cards${errors ? `, ${errors} problems` : ''}`);
    }
    setOpened(notes.join('; '));
    e.target.value = '';
  };

  return (
    <>
      {notice.state && (
        <StorageNotice
          state={notice.state}
          settingsHref={routeHref({ name: 'settings' })}
          onAsk={notice.ask}
          onDismiss={notice.dismiss}
        />
      )}
      <HomeScreen
        decks={rows}
        today={today}
        warnings={warnings}
        onStudy={(ids, folder) =>
          navigate({ name: 'review', deckIds: ids, ...(folder ? { folder } : {}) })
        }
        onBrowse={(id) => navigate({ name: 'browse', deckId: id })}
        statsHref={routeHref({ name: 'stats' })}
      />
      <section className="open-file">
        <label className="btn small">
          Open a Markdown deck…
          <input
            type="file"
            accept=".md,.markdown,text/markdown,text/plain"
            multiple
            className="sr-only"
            data-testid="open-deck"
            onChange={(e) => void onOpen(e)}
          />
        </label>
        {opened && (
          <Banner kind="warning">Opened {opened}. Opened decks stay until you reload.</Banner>
        )}
      </section>
    </>
  );
}
