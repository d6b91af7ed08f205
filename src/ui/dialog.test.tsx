// @vitest-environment jsdom
// Guards issue 9: the dialog keeps focus inside while open (Tab and Shift+Tab wrap), gives focus
// back to where it was when it closes, has a visible close button, and Esc reaches nothing below.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { Dialog } from './dialog.tsx';

function Harness({ onPageKey }: { onPageKey: (key: string) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <div onKeyDown={(e) => onPageKey(e.key)}>
      <button type="button">Before</button>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      {open && (
        <Dialog title="Things" onClose={() => setOpen(false)}>
          <a href="#/one">One</a>
          <button type="button">Two</button>
          <button type="button" disabled>
            Off
          </button>
        </Dialog>
      )}
    </div>
  );
}

describe('Dialog', () => {
  it('takes focus on its close button, wraps Tab both ways, and returns focus on Escape', async () => {
    const user = userEvent.setup();
    const onPageKey = vi.fn();
    render(<Harness onPageKey={onPageKey} />);
    const opener = screen.getByRole('button', { name: 'Open' });
    await user.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Things' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    const close = screen.getByRole('button', { name: /^Close/ });
    expect(close).toHaveFocus();

    await user.tab();
    expect(screen.getByRole('link', { name: 'One' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Two' })).toHaveFocus();
    await user.tab();
    expect(close).toHaveFocus();
    await user.tab({ shift: true });
    expect(screen.getByRole('button', { name: 'Two' })).toHaveFocus();
    await user.tab({ shift: true });
    await user.tab({ shift: true });
    expect(close).toHaveFocus();
    await user.tab({ shift: true });
    expect(screen.getByRole('button', { name: 'Two' })).toHaveFocus();

    onPageKey.mockClear();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onPageKey).not.toHaveBeenCalledWith('Escape');
    expect(opener).toHaveFocus();
  });

  it('closes with its close button and by a click outside, giving focus back', async () => {
    const user = userEvent.setup();
    render(<Harness onPageKey={() => {}} />);
    const opener = screen.getByRole('button', { name: 'Open' });
    await user.click(opener);
    await user.click(screen.getByRole('button', { name: /^Close/ }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(opener).toHaveFocus();

    await user.click(opener);
    await user.click(screen.getByRole('dialog').parentElement!);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(opener).toHaveFocus();
  });

  it('does not draw a focus ring around the whole dialog', async () => {
    const user = userEvent.setup();
    render(<Harness onPageKey={() => {}} />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    expect(screen.getByRole('dialog')).toHaveStyle({ outline: 'none' });
  });
});
