import { useDeferredValue, useMemo } from 'react';
import { deckRows, todayStats } from '../library/deck-rows.ts';
import { HomeScreen } from '../library/home-screen.tsx';
import { StorageNotice } from '../library/storage-notice.tsx';
import { useNow } from './use-now.ts';
import { OpenedDecksContainer } from './opened-decks-container.tsx';
import { navigate, routeHref } from './use-route.ts';
import { useStorageNotice } from './use-storage-notice.ts';
import { useRecall } from './store.ts';

export function HomeContainer() {
  // Deferred: a folder of 200 new decks is added one proposal at a time; the table is drawn
  // once they are in, not 200 times (an urgent render per deck took seconds).
  const decks = useDeferredValue(useRecall((s) => s.decks));
  const states = useRecall((s) => s.states);
  const todayLog = useRecall((s) => s.todayLog);
  const settings = useRecall((s) => s.settings);
  const problems = useRecall((s) => s.problems);
  const persistent = useRecall((s) => s.persistent);
  const orphans = useRecall((s) => s.orphans);
  const now = useNow(60_000);
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
      <OpenedDecksContainer />
    </>
  );
}
