// Home's opening controls and "Your decks" panel, wired to the store: file inputs, a folder
// picker where the browser has one, pasted text, files dropped on the page, and granted folders
// read again when the window regains focus (issue 13).
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { OpenDecksBar } from '../library/open-decks-bar.tsx';
import { YourDecksPanel, type YourDeckRow } from '../library/your-decks-panel.tsx';
import type { OpenReport } from './opened-decks-slice.ts';
import { useRecall } from './store.ts';

type PickerWindow = Window & {
  showDirectoryPicker?: (options?: { mode?: 'read' | 'readwrite' }) => Promise<unknown>;
};

export function OpenedDecksContainer() {
  const opened = useDeferredValue(useRecall((s) => s.openedDecks));
  const folders = useRecall((s) => s.openedFolders);
  const deckById = useDeferredValue(useRecall((s) => s.deckById));
  const openDeckFiles = useRecall((s) => s.openDeckFiles);
  const openFolderFiles = useRecall((s) => s.openFolderFiles);
  const openFolderHandle = useRecall((s) => s.openFolderHandle);
  const allowFolder = useRecall((s) => s.allowFolder);
  const rereadFolders = useRecall((s) => s.rereadFolders);
  const pasteDeck = useRecall((s) => s.pasteDeck);
  const renameOpenedDeck = useRecall((s) => s.renameOpenedDeck);
  const removeOpenedDeck = useRecall((s) => s.removeOpenedDeck);
  const [message, setMessage] = useState<OpenReport | null>(null);
  const rereading = useRef(false);

  const report = useCallback(
    (work: Promise<OpenReport | null>) =>
      void work.then(
        (r) => r && r.text && setMessage(r),
        (err: unknown) =>
          setMessage({ text: err instanceof Error ? err.message : String(err), refused: true }),
      ),
    [],
  );

  const reread = useCallback(() => {
    if (rereading.current) return;
    rereading.current = true;
    report(rereadFolders().finally(() => (rereading.current = false)));
  }, [report, rereadFolders]);

  // Edited in another app: read again when the person comes back (only changed files parse).
  const hasGranted = folders.some((f) => f.via === 'handle' && f.permission === 'granted');
  useEffect(() => {
    if (!hasGranted) return;
    // Files may have changed while Recall was closed.
    reread();
    const onVisible = () => {
      if (document.visibilityState === 'visible') reread();
    };
    window.addEventListener('focus', reread);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('focus', reread);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [hasGranted, reread]);

  // Markdown files dropped anywhere on the page.
  useEffect(() => {
    const hasFiles = (e: DragEvent) =>
      !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e) || !e.dataTransfer) return;
      e.preventDefault();
      const items = [...e.dataTransfer.items];
      const folder = items.some((i) => i.webkitGetAsEntry?.()?.isDirectory);
      const files = [...e.dataTransfer.files];
      if (folder)
        return setMessage({
          text: 'A dropped folder cannot be read; use “Open a folder…” for folders. Nothing was added.',
          refused: true,
        });
      report(openDeckFiles(files));
    };
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [openDeckFiles, report]);

  const picker = (window as PickerWindow).showDirectoryPicker;
  const onPickFolder = picker
    ? () =>
        void picker({ mode: 'read' }).then(
          (handle) => report(openFolderHandle(handle)),
          (err: unknown) => {
            // The person closed the picker: nothing to say.
            if (!(err instanceof DOMException && err.name === 'AbortError'))
              setMessage({ text: `The folder could not be opened: ${String(err)}`, refused: true });
          },
        )
    : undefined;

  const rows = useMemo(
    () =>
      [...opened]
        .sort((a, b) => a.path.localeCompare(b.path))
        .map((s): YourDeckRow => ({
          id: s.id,
          title: deckById.get(s.id)?.title ?? s.title ?? s.name,
          source: s.origin === 'paste' ? 'pasted' : s.path,
          cards: deckById.get(s.id)?.cards.length ?? 0,
        })),
    [opened, deckById],
  );

  return (
    <>
      <OpenDecksBar
        onFiles={(files) => report(openDeckFiles(files))}
        onFolderFiles={(files) => report(openFolderFiles(files))}
        onPickFolder={onPickFolder}
        onPaste={pasteDeck}
        message={message}
        onDismiss={() => setMessage(null)}
      />
      <YourDecksPanel
        decks={rows}
        folders={folders}
        onRename={renameOpenedDeck}
        onRemove={async (id, deleteHistory) => {
          const title = deckById.get(id)?.title ?? id;
          await removeOpenedDeck(id, deleteHistory);
          setMessage({
            text: deleteHistory
              ? `Removed ${title} and its review history.`
              : `Removed ${title}; its review history is kept and comes back if you open the file again.`,
            refused: false,
          });
        }}
        onAllow={(name) => report(allowFolder(name))}
        onReload={() =>
          report(
            rereadFolders().then(
              (r) => r ?? { text: 'No file changed since the last read.', refused: false },
            ),
          )
        }
      />
    </>
  );
}
