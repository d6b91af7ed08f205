// @vitest-environment jsdom
// Guards issue 9: the end-of-session screen says times the way Anki does ("in 23.6 hours", not
// "in 24 hours"; "in 1 day", not "tomorrow"), and says when a session was ended partway.
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SessionSummary, type SessionSummaryData } from './session-summary.tsx';

const HOUR = 3_600_000;
const now = Date.UTC(2026, 10, 24, 20);
const summary = (over: Partial<SessionSummaryData> = {}): SessionSummaryData => ({
  cards: 2,
  timeMs: 65_000,
  ratings: { 1: 1, 2: 0, 3: 1, 4: 0 },
  nextDue: null,
  remaining: 0,
  ...over,
});

const renderSummary = (data: SessionSummaryData, ended = false) =>
  render(<SessionSummary summary={data} now={now} ended={ended} onHome={() => {}} onUndo={null} />);

describe('SessionSummary', () => {
  it('says when the next card is due the way Anki does', () => {
    renderSummary(summary({ nextDue: now + 23.6 * HOUR }));
    expect(screen.getByTestId('next-due')).toHaveTextContent('The next card is due in 23.6 hours');
  });

  it('says "in 1 day" for 30 hours, not "tomorrow"', () => {
    renderSummary(summary({ nextDue: now + 30 * HOUR }));
    expect(screen.getByTestId('next-due')).toHaveTextContent('The next card is due in 1 day');
  });

  it('titles a session ended partway as ended, with what was done and what is left', () => {
    renderSummary(summary({ remaining: 1 }), true);
    expect(screen.getByRole('heading', { name: 'Session ended' })).toBeInTheDocument();
    expect(screen.queryByText(/Congratulations/)).toBeNull();
    expect(screen.getByText('You studied 2 cards in 1 min 5 s.')).toBeInTheDocument();
    expect(screen.getByText('Again: 1')).toBeInTheDocument();
    expect(screen.getByTestId('remaining')).toHaveTextContent('1 card is still waiting for today.');
    expect(screen.queryByRole('button', { name: /Undo/ })).toBeNull();
  });
});
