import { useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { Banner } from '../ui/banner.tsx';
import { Button } from '../ui/button.tsx';
import { Dialog } from '../ui/dialog.tsx';
import './open-decks.css';

export interface OpenDecksBarProps {
  onFiles: (files: File[]) => void;
  /** A `webkitdirectory` input's files (where there is no folder picker). */
  onFolderFiles: (files: File[]) => void;
  /** Present where the browser has a folder picker (File System Access). */
  onPickFolder?: () => void;
  onPaste: (title: string, text: string) => Promise<{ ok: boolean; message: string }>;
  /** What the last opening did, or why it refused: one sentence or a few. */
  message: { text: string; refused: boolean } | null;
  onDismiss: () => void;
}

/** Opening decks: files, a folder, pasted Markdown; drag-and-drop is handled by the page. */
export function OpenDecksBar(props: OpenDecksBarProps) {
  const [pasting, setPasting] = useState(false);
  const take = (e: ChangeEvent<HTMLInputElement>, to: (files: File[]) => void) => {
    const files = [...(e.target.files ?? [])];
    e.target.value = '';
    if (files.length > 0) to(files);
  };
  return (
    <section className="open-file open-decks" aria-label="Open decks">
      <div className="open-decks-buttons">
        <label className="btn small">
          Open Markdown files…
          <input
            type="file"
            accept=".md,.markdown,text/markdown,text/plain"
            multiple
            className="sr-only"
            data-testid="open-deck"
            onChange={(e) => take(e, props.onFiles)}
          />
        </label>
        {props.onPickFolder ? (
          <Button small onClick={props.onPickFolder}>
            Open a folder…
          </Button>
        ) : null}
        {/* Where the folder picker is offered, this input is only a fallback kept for scripts. */}
        <label
          className={props.onPickFolder ? 'sr-only' : 'btn small'}
          aria-hidden={props.onPickFolder ? true : undefined}
        >
          Open a folder…
          <input
            type="file"
            // React passes unknown lower-case attributes through as they are.
            {...{ webkitdirectory: '', directory: '' }}
            multiple
            className="sr-only"
            data-testid="open-folder"
            tabIndex={props.onPickFolder ? -1 : undefined}
            onChange={(e) => take(e, props.onFolderFiles)}
          />
        </label>
        <Button small onClick={() => setPasting(true)}>
          Paste Markdown…
        </Button>
      </div>
      <p className="muted small open-decks-hint">
        Or drop Markdown files on this page. Opened decks stay on this device.
      </p>
      {props.message && (
        <Banner
          kind={props.message.refused ? 'error' : 'warning'}
          actions={
            <Button small onClick={props.onDismiss}>
              OK
            </Button>
          }
        >
          <span data-testid="open-message">{props.message.text}</span>
        </Banner>
      )}
      {pasting && <PasteDialog onPaste={props.onPaste} onClose={() => setPasting(false)} />}
    </section>
  );
}

function PasteDialog({
  onPaste,
  onClose,
}: {
  onPaste: OpenDecksBarProps['onPaste'];
  onClose: () => void;
}) {
  const id = useId();
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const busy = useRef(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy.current) return;
    busy.current = true;
    const result = await onPaste(title, text).finally(() => (busy.current = false));
    if (result.ok) onClose();
    else setError(result.message);
  };
  return (
    <Dialog title="Paste Markdown" onClose={onClose}>
      <form className="paste-deck" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor={`${id}-title`}>Title</label>
          <input
            id={`${id}-title`}
            type="text"
            value={title}
            placeholder="Pasted deck"
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-text`}>Markdown with questions and answers</label>
          <textarea
            id={`${id}-text`}
            value={text}
            rows={10}
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => {
              setText(e.target.value);
              setError(null);
            }}
          />
        </div>
        {error && (
          <p id={`${id}-error`} className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <Button variant="primary" type="submit">
            Add deck
          </Button>
          <Button onClick={onClose}>Cancel</Button>
        </div>
      </form>
    </Dialog>
  );
}
