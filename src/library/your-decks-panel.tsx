import { useId, useState, type FormEvent } from 'react';
import { Button } from '../ui/button.tsx';
import { Dialog } from '../ui/dialog.tsx';
import './open-decks.css';

export interface YourDeckRow {
  id: string;
  title: string;
  /** Where it came from: `notes.md`, `notes/sub/file.md`, or "pasted". */
  source: string;
  cards: number;
}

export interface YourFolderRow {
  name: string;
  via: 'handle' | 'input';
  permission: 'granted' | 'prompt' | 'denied';
}

export interface YourDecksPanelProps {
  decks: YourDeckRow[];
  folders: YourFolderRow[];
  onRename: (id: string, title: string) => Promise<void>;
  onRemove: (id: string, deleteHistory: boolean) => Promise<void>;
  onAllow: (folder: string) => void;
  onReload: () => void;
}

/** The decks a person opened: rename, remove (asks first); the folders they are read from. */
export function YourDecksPanel({
  decks,
  folders,
  onRename,
  onRemove,
  onAllow,
  onReload,
}: YourDecksPanelProps) {
  const id = useId();
  const [renaming, setRenaming] = useState<YourDeckRow | null>(null);
  const [removing, setRemoving] = useState<YourDeckRow | null>(null);
  if (decks.length === 0 && folders.length === 0) return null;
  const granted = folders.filter((f) => f.via === 'handle' && f.permission === 'granted');
  return (
    <section className="your-decks" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Your decks</h2>
      {folders.length > 0 && (
        <div className="your-folders">
          {folders.map((f) => (
            <p key={f.name} className="your-folder">
              <span>
                Folder <strong>{f.name}</strong>
                <span className="muted small">
                  {f.via === 'input'
                    ? ' — open it again to read changes'
                    : f.permission === 'granted'
                      ? ' — read again when you come back to Recall'
                      : ' — Recall needs your permission to read it again'}
                </span>
              </span>
              {f.via === 'handle' && f.permission !== 'granted' && (
                <Button small onClick={() => onAllow(f.name)}>
                  Allow reading {f.name}
                </Button>
              )}
            </p>
          ))}
          {granted.length > 0 && (
            <Button small onClick={onReload}>
              Reload from disk
            </Button>
          )}
        </div>
      )}
      {decks.length > 0 && (
        <ul className="your-deck-list">
          {decks.map((d) => (
            <li key={d.id} data-opened-deck={d.id}>
              <div className="your-deck-name">
                <strong>{d.title}</strong>
                <span className="muted small">
                  {d.source} · {d.cards} {d.cards === 1 ? 'card' : 'cards'}
                </span>
              </div>
              <div className="your-deck-actions">
                <Button small onClick={() => setRenaming(d)} aria-label={`Rename ${d.title}`}>
                  Rename
                </Button>
                <Button small onClick={() => setRemoving(d)} aria-label={`Remove ${d.title}`}>
                  Remove
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {renaming && (
        <RenameDialog deck={renaming} onRename={onRename} onClose={() => setRenaming(null)} />
      )}
      {removing && (
        <RemoveDialog deck={removing} onRemove={onRemove} onClose={() => setRemoving(null)} />
      )}
    </section>
  );
}

function RenameDialog({
  deck,
  onRename,
  onClose,
}: {
  deck: YourDeckRow;
  onRename: YourDecksPanelProps['onRename'];
  onClose: () => void;
}) {
  const id = useId();
  const [title, setTitle] = useState(deck.title);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await onRename(deck.id, title);
    onClose();
  };
  return (
    <Dialog title={`Rename ${deck.title}`} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor={`${id}-title`}>Title</label>
          <input
            id={`${id}-title`}
            type="text"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
          <p className="muted small">Leave it empty to use the file’s own title.</p>
        </div>
        <div className="dialog-actions">
          <Button variant="primary" type="submit">
            Rename
          </Button>
          <Button onClick={onClose}>Cancel</Button>
        </div>
      </form>
    </Dialog>
  );
}

function RemoveDialog({
  deck,
  onRemove,
  onClose,
}: {
  deck: YourDeckRow;
  onRemove: YourDecksPanelProps['onRemove'];
  onClose: () => void;
}) {
  const [deleteHistory, setDeleteHistory] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await onRemove(deck.id, deleteHistory);
    onClose();
  };
  return (
    <Dialog title={`Remove ${deck.title}?`} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <p>The deck leaves Recall; your file is not touched.</p>
        <fieldset className="remove-choice">
          <legend className="sr-only">Its review history</legend>
          <label>
            <input
              type="radio"
              name="history"
              checked={!deleteHistory}
              onChange={() => setDeleteHistory(false)}
            />
            Keep its review history (it comes back if you open the file again)
          </label>
          <label>
            <input
              type="radio"
              name="history"
              checked={deleteHistory}
              onChange={() => setDeleteHistory(true)}
            />
            Delete its history too
          </label>
        </fieldset>
        <div className="dialog-actions">
          <Button variant="primary" type="submit">
            Remove
          </Button>
          <Button onClick={onClose}>Cancel</Button>
        </div>
      </form>
    </Dialog>
  );
}
