// @vitest-environment jsdom
// Guards issue 10's big import: the Backup panel shows a progress bar with a sentence while an
// import runs, keeps every button disabled meanwhile, then shows the import's message.
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { BackupPanel, type ImportProgress } from '../src/settings/backup-panel.tsx';

function mountPanel() {
  let report: (p: ImportProgress) => void = () => undefined;
  let finish: (message: string) => void = () => undefined;
  let received: Blob | null = null;
  const onImportBackup = vi.fn(
    (file: Blob, onProgress: (p: ImportProgress) => void) =>
      new Promise<string>((resolve) => {
        received = file;
        report = onProgress;
        finish = resolve;
      }),
  );
  render(
    <BackupPanel
      onExportBackup={async () => '{}'}
      onImportBackup={onImportBackup}
      onExportCsv={async () => ({ csv: '', zones: [] })}
      onRepair={async () => 'Rebuilt 0 card states from the log.'}
      download={() => undefined}
      today="2026-11-27"
    />,
  );
  return {
    onImportBackup,
    received: () => received,
    report: (p: ImportProgress) => act(() => report(p)),
    finish: (m: string) => act(async () => finish(m)),
  };
}

const buttons = () => screen.getAllByRole('button');

describe('Backup panel import progress', () => {
  it('shows a bar and a sentence per phase, buttons disabled, then the final message', async () => {
    const user = userEvent.setup();
    const panel = mountPanel();
    expect(screen.queryByRole('progressbar')).toBeNull();
    const input = screen.getByTestId('import-backup');
    await user.upload(input, new File(['{"format":"recall-backup"}'], 'big.json'));
    expect(panel.onImportBackup).toHaveBeenCalledTimes(1);
    // The file itself goes to the store, to be read off the main thread.
    expect(panel.received()).toBeInstanceOf(File);
    expect((panel.received() as File).name).toBe('big.json');
    for (const b of buttons()) expect(b).toBeDisabled();
    expect(input).toBeDisabled();

    await panel.report({ phase: 'checking', done: 45_000, total: 150_000 });
    const bar = screen.getByRole('progressbar');
    expect(bar).toHaveAttribute('value', '45000');
    expect(bar).toHaveAttribute('max', '150000');
    expect(bar).toHaveAccessibleName('Checking 45,000 of 150,000 records…');
    expect(screen.getByText('Checking 45,000 of 150,000 records…')).toBeInTheDocument();

    await panel.report({ phase: 'saving', done: 20_000, total: 150_000 });
    expect(screen.getByText('Saving 20,000 of 150,000 answers…')).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toHaveAttribute('value', '20000');

    await panel.report({ phase: 'rebuilding', done: 1_000, total: 3_000 });
    expect(screen.getByText('Rebuilding 3,000 cards…')).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toHaveAttribute('max', '3000');
    for (const b of buttons()) expect(b).toBeDisabled();

    await panel.finish('Imported 150000 new answers (0 already here); 3000 cards updated.');
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent(
      'Imported 150000 new answers (0 already here); 3000 cards updated.',
    );
    for (const b of buttons()) expect(b).toBeEnabled();
    expect(input).toBeEnabled();
  });

  it('an import that fails clears the bar, says why and enables the buttons again', async () => {
    const user = userEvent.setup();
    let fail: (err: Error) => void = () => undefined;
    render(
      <BackupPanel
        onExportBackup={async () => '{}'}
        onImportBackup={(_text, onProgress) =>
          new Promise<string>((_resolve, reject) => {
            onProgress({ phase: 'checking', done: 5_000, total: 10_000 });
            fail = reject;
          })
        }
        onExportCsv={async () => ({ csv: '', zones: [] })}
        onRepair={async () => ''}
        download={() => undefined}
        today="2026-11-27"
      />,
    );
    await user.upload(screen.getByTestId('import-backup'), new File(['x'], 'x.json'));
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
    await act(async () =>
      fail(new Error('This file is not a Recall backup. Nothing was imported.')),
    );
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByText(/not a Recall backup/)).toBeInTheDocument();
    for (const b of buttons()) expect(b).toBeEnabled();
  });
});
