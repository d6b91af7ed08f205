// Shows a pending deck change (deck-change-slice.ts) as the change report, wherever the person is,
// and, once progress has loaded, compares the bundled decks with what this device saw last.
import { useEffect } from 'react';
import { DeckChangeDialog } from '../library/deck-change-dialog.tsx';
import { Banner } from '../ui/banner.tsx';
import { Button } from '../ui/button.tsx';
import { useRecall } from './store.ts';

export function DeckChangeHost() {
  const status = useRecall((s) => s.status);
  const pending = useRecall((s) => s.pendingDeckChange);
  const notice = useRecall((s) => s.deckChangeNotice);
  const checkBundledDecks = useRecall((s) => s.checkBundledDecks);
  const confirm = useRecall((s) => s.confirmDeckChange);
  const cancel = useRecall((s) => s.cancelDeckChange);
  const dismiss = useRecall((s) => s.dismissDeckChangeNotice);

  useEffect(() => {
    if (status === 'ready') void checkBundledDecks().catch(() => undefined);
  }, [status, checkBundledDecks]);

  return (
    <>
      {notice && (
        <Banner
          kind="error"
          actions={
            <Button small onClick={dismiss}>
              Dismiss
            </Button>
          }
        >
          {notice}
        </Banner>
      )}
      {pending && (
        <DeckChangeDialog
          // A new proposal starts with its own ticks.
          key={pending.seq}
          title={pending.title}
          kind={pending.kind}
          diff={pending.diff}
          withProgress={pending.withProgress}
          nextWithProgress={pending.nextWithProgress}
          busy={pending.busy}
          error={pending.error}
          onConfirm={(keep) => void confirm(keep)}
          onCancel={cancel}
        />
      )}
    </>
  );
}
