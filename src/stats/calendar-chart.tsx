// The last year of study days as a heatmap: weeks are columns, Sunday on top; darker means more
// answers; today has a ring. The caption names the day under the pointer, finger or keyboard.
import { useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { ChartFrame, EmptyNote } from './chart-controls.tsx';
import { formatCount, formatDay, formatTime, plural, weekdayOf } from './format.ts';
import type { CalendarStats } from './types.ts';

const CELL = 12;
const GAP = 2;
const LEFT = 30;
const TOP = 18;
const WEEKDAYS = ['Sun', '', 'Tue', '', 'Thu', '', 'Sat'];

/** Level 0–4 of a day's count against the busiest day, so a quiet year still shows contrast. */
export function heatLevel(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((count / max) * 4)));
}

export function CalendarChart({ calendar }: { calendar: CalendarStats }) {
  const frame = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<number | null>(null);
  const days = calendar.days;
  const n = days.length;
  const lead = n > 0 ? weekdayOf(days[0]!.date) : 0;
  const pos = (i: number) => ({ col: Math.floor((i + lead) / 7), row: (i + lead) % 7 });
  const cols = n > 0 ? pos(n - 1).col + 1 : 0;
  const width = LEFT + cols * (CELL + GAP);
  const height = TOP + 7 * (CELL + GAP);
  const max = Math.max(0, ...days.map((d) => d.count));
  const chosen = active !== null && active < n ? active : null;

  const pick = (e: PointerEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const col = Math.floor((e.clientX - box.left - LEFT) / (CELL + GAP));
    const row = Math.floor((e.clientY - box.top - TOP) / (CELL + GAP));
    const i = col * 7 + row - lead;
    setActive(col >= 0 && row >= 0 && row < 7 && i >= 0 && i < n ? i : null);
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = {
      ArrowLeft: -7,
      ArrowRight: 7,
      ArrowUp: -1,
      ArrowDown: 1,
    };
    const by = moves[e.key];
    if (by === undefined || n === 0) return;
    e.preventDefault();
    const next = Math.min(n - 1, Math.max(0, (chosen ?? n - 1) + (chosen === null ? 0 : by)));
    setActive(next);
    const el = frame.current;
    const x = LEFT + pos(next).col * (CELL + GAP);
    if (el && (x < el.scrollLeft || x > el.scrollLeft + el.clientWidth - CELL))
      el.scrollLeft = x - el.clientWidth / 2;
  };

  useLayoutEffect(() => {
    const el = frame.current;
    if (el) el.scrollLeft = el.scrollWidth; // today in view on a narrow screen
  }, [n]);

  // A month's name over the week its first day falls in; none where it would crowd the next.
  const months: { col: number; label: string }[] = [];
  days.forEach((d, i) => {
    if (!d.date.endsWith('-01')) return;
    const col = pos(i).col;
    if (col <= cols - 2) months.push({ col, label: formatDay(d.date).split(' ')[0]! });
  });

  const describe = (i: number) => {
    const d = days[i]!;
    const when = d.index === 0 ? 'Today' : formatDay(d.date, true);
    return d.count === 0
      ? `${when}: no answers`
      : `${when}: ${plural(d.count, 'answer')} in ${formatTime(d.timeMs)}`;
  };
  const studied = days.filter((d) => d.count > 0);

  return (
    <figure className="chart calendar">
      <p className="stats-facts">
        <span>
          Current streak:{' '}
          <strong data-testid="current-streak">{plural(calendar.currentStreak, 'day')}</strong>
        </span>
        <span>
          Longest streak:{' '}
          <strong data-testid="longest-streak">{plural(calendar.longestStreak, 'day')}</strong>
        </span>
        <span>
          Days studied: <strong>{formatCount(calendar.daysStudied)}</strong> of {formatCount(n)}
        </span>
      </p>
      {studied.length === 0 && (
        <EmptyNote>No answers in the last year yet. Days you study fill in here.</EmptyNote>
      )}
      <div className="chart-body">
        <ChartFrame
          frame={frame}
          label="Answers per day over the last year, chart"
          width={width}
          height={height}
          onKey={onKey}
          pick={pick}
          clear={() => setActive(null)}
        >
          {months.map((m) => (
            <text
              key={`${m.col}-${m.label}`}
              className="chart-label"
              x={LEFT + m.col * (CELL + GAP)}
              y={12}
            >
              {m.label}
            </text>
          ))}
          {WEEKDAYS.map((w, row) =>
            w ? (
              <text key={w} className="chart-label" x={0} y={TOP + row * (CELL + GAP) + CELL - 2}>
                {w}
              </text>
            ) : null,
          )}
          {days.map((d, i) => {
            const { col, row } = pos(i);
            const classes = [`heat heat-${heatLevel(d.count, max)}`];
            if (d.index === 0) classes.push('today');
            if (chosen === i) classes.push('on');
            return (
              <rect
                key={d.date}
                className={classes.join(' ')}
                data-date={d.date}
                data-count={d.count}
                x={LEFT + col * (CELL + GAP)}
                y={TOP + row * (CELL + GAP)}
                width={CELL}
                height={CELL}
                rx={2}
              />
            );
          })}
        </ChartFrame>
        {/* The weekday names again, over the frame's left edge, so they stay while weeks scroll. */}
        <svg className="chart-yaxis" width={LEFT - 2} height={height} aria-hidden="true">
          {WEEKDAYS.map((w, row) =>
            w ? (
              <text key={w} x={0} y={TOP + row * (CELL + GAP) + CELL - 2}>
                {w}
              </text>
            ) : null,
          )}
        </svg>
      </div>
      <figcaption className="chart-caption" aria-live="polite">
        {chosen === null ? (
          <span className="muted">
            Point at or tap a day; in the chart, the arrow keys move by day and week. Today has a
            ring.
          </span>
        ) : (
          describe(chosen)
        )}
      </figcaption>
      <p className="heat-legend muted small" aria-hidden="true">
        Fewer
        {[0, 1, 2, 3, 4].map((l) => (
          <span key={l} className={`heat-swatch heat-${l}`} />
        ))}
        More
      </p>
      <div className="sr-only">
        <table aria-label="Days with answers in the last year">
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Answers</th>
              <th scope="col">Time</th>
            </tr>
          </thead>
          <tbody>
            {studied.map((d) => (
              <tr key={d.date}>
                <th scope="row">{d.index === 0 ? 'Today' : formatDay(d.date, true)}</th>
                <td>{formatCount(d.count)}</td>
                <td>{formatTime(d.timeMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
