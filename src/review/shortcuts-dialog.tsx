import { Dialog } from '../ui/dialog.tsx';

const SHORTCUTS: [string, string][] = [
  ['Space / Enter', 'Show answer, then rate Good; on a focused button, press that button'],
  ['Tab / Shift+Tab', 'Move between the buttons'],
  ['1 2 3 4', 'Again, Hard, Good, Easy'],
  ['U / Ctrl+Z / ⌘Z', 'Undo the last answer'],
  ['@', 'Suspend the card'],
  ['Esc', 'End the session'],
  ['?', 'Show these shortcuts'],
];

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <table className="data">
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={keys}>
              <td>
                <kbd>{keys}</kbd>
              </td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
