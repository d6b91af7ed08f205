import { Fragment } from 'react';
import { Dialog } from '../ui/dialog.tsx';

/** Each row: the keys (any one of them does it), then what they do. */
const SHORTCUTS: [string[], string][] = [
  [['Space', 'Enter'], 'Show answer, then rate Good; on a focused button, press that button'],
  [['Tab', 'Shift+Tab'], 'Move between the buttons'],
  [['1', '2', '3', '4'], 'Again, Hard, Good, Easy'],
  [['U', 'Ctrl+Z', '⌘Z'], 'Undo the last answer'],
  [['@'], 'Suspend the card'],
  [['Esc'], 'End the session (or close this list)'],
  [['?'], 'Show these shortcuts'],
];

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <table className="data shortcuts">
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={keys.join()}>
              <td>
                {keys.map((k, i) => (
                  <Fragment key={k}>
                    {i > 0 && ' '}
                    <kbd>{k}</kbd>
                  </Fragment>
                ))}
              </td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
