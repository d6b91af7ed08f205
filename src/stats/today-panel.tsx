// Today at a glance: answers, new cards, Again, time, what is still due.
import { formatCount, formatRate, formatTime } from './format.ts';
import type { TodayStats } from './types.ts';

export function TodayPanel({ today }: { today: TodayStats }) {
  const facts: [string, string, string][] = [
    ['today-answers', 'Answers', formatCount(today.answers)],
    ['today-cards', 'Cards', formatCount(today.cards)],
    ['today-new', 'New introduced', formatCount(today.newIntroduced)],
    [
      'today-again',
      'Again',
      today.answers > 0
        ? `${formatCount(today.again)} (${formatRate(today.againRate)})`
        : formatCount(today.again),
    ],
    ['today-time', 'Time', formatTime(today.timeMs)],
    ['today-due', 'Still due', formatCount(today.stillDue)],
  ];
  return (
    <>
      <dl className="stats-tiles">
        {facts.map(([id, label, value]) => (
          <div key={id}>
            <dt>{label}</dt>
            <dd data-testid={id}>{value}</dd>
          </div>
        ))}
      </dl>
      {today.answers === 0 ? (
        <p className="muted">No answers yet today.</p>
      ) : (
        <p className="muted small">
          Learning {formatCount(today.byType.learning)} · Review {formatCount(today.byType.review)}{' '}
          · Relearning {formatCount(today.byType.relearning)}
          {today.mature.answers > 0 &&
            ` · Mature cards passed ${formatCount(today.mature.passed)} of ${formatCount(today.mature.answers)}`}
        </p>
      )}
    </>
  );
}
