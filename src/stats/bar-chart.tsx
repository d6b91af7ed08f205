// One bar chart for every Stats section: stacked series drawn as SVG in pixels (text stays
// readable at any width), a caption naming the bar under the pointer, finger or keyboard, and a
// visually hidden table with the same numbers for screen readers. Wider than its box, it scrolls
// inside its own frame rather than widening the page.
import { nice, ticks } from 'd3-array';
import {
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type RefObject,
} from 'react';
import { ChartFrame } from './chart-controls.tsx';
import { formatCount } from './format.ts';

export interface ChartSeries {
  key: string;
  label: string;
  /** A CSS colour, normally one of the app's variables: 'var(--good)'. */
  color: string;
}

export interface ChartBar {
  key: string;
  /** Caption and table label of the bar. */
  label: string;
  /** A shorter label for the axis (default: `label`). */
  tick?: string;
  /** One value per series, in the order of `series`. */
  values: number[];
  /** Drawn apart (the "Overdue" bar of the forecast). */
  special?: boolean;
}

export interface BarChartProps {
  /** Names the chart's frame and its table. */
  title: string;
  series: ChartSeries[];
  bars: ChartBar[];
  /** How a value is written on the axis, in the caption and in the table. */
  format?: (v: number) => string;
  /** Header of the table's first column ("Day", "Stability"). */
  labelHeader: string;
  /** Narrowest a bar step may get before the chart scrolls sideways, px. */
  minStep?: number;
  height?: number;
  /** The caption while no bar is chosen. */
  hint?: string;
  /** Values are whole numbers: no axis tick between them. */
  integer?: boolean;
  /** Scrolled to the last bar on arrival (today, when the bars run up to it). */
  startAtEnd?: boolean;
}

const MARGIN = { top: 8, right: 8, bottom: 24, left: 44 };
const LABEL_SPACE = 64;
/** Rough width of a character of the 11 px axis labels, to keep labels from running together. */
const CHAR_W = 7;

export function BarChart({
  title,
  series,
  bars,
  format = formatCount,
  labelHeader,
  minStep = 8,
  height = 180,
  hint = 'Point at or tap a bar to see its value; in the chart, the arrow keys move along the bars.',
  integer = true,
  startAtEnd = false,
}: BarChartProps) {
  const frame = useRef<HTMLDivElement>(null);
  const boxWidth = useWidth(frame, 640);
  const [active, setActive] = useState<number | null>(null);
  const n = bars.length;
  const totals = bars.map((b) => b.values.reduce((a, v) => a + (Number.isFinite(v) ? v : 0), 0));
  const [, top = 1] = nice(0, Math.max(integer ? 4 : 0.1, ...totals), 4);
  const yTicks = ticks(0, top, 4).filter((t) => !integer || Number.isInteger(t));
  // Room for the longest axis value ("0.3 min") left of the plot.
  const left = Math.max(MARGIN.left, ...yTicks.map((t) => format(t).length * CHAR_W + 12));
  const width = Math.max(boxWidth, left + MARGIN.right + n * minStep);
  const plotW = width - left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;
  const step = n > 0 ? plotW / n : plotW;
  const y = (v: number) => MARGIN.top + plotH - (v / top) * plotH;
  const labelEvery = Math.max(1, Math.ceil(LABEL_SPACE / step));
  const labelled = new Set<number>();
  let lastEnd = -Infinity;
  for (let i = 0; i < n; i += labelEvery) {
    const text = bars[i]!.tick ?? bars[i]!.label;
    const w = text.length * CHAR_W;
    const mid = left + (i + 0.5) * step;
    const [from, to] = i === 0 ? [left, left + w] : [mid - w / 2, mid + w / 2];
    if (from > lastEnd + 10 && to < width) {
      labelled.add(i);
      lastEnd = to;
    }
  }
  const chosen = active !== null && active < n ? active : null;
  useLayoutEffect(() => {
    const el = frame.current;
    if (el && startAtEnd) el.scrollLeft = el.scrollWidth;
  }, [startAtEnd, width]);

  const pick = (e: PointerEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const i = Math.floor((e.clientX - box.left - left) / step);
    setActive(i >= 0 && i < n ? i : null);
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (n === 0) return;
    const from = chosen ?? n;
    const to =
      e.key === 'ArrowLeft'
        ? Math.max(0, from - 1)
        : e.key === 'ArrowRight'
          ? Math.min(n - 1, chosen === null ? n - 1 : from + 1)
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? n - 1
              : null;
    if (to === null) return;
    e.preventDefault();
    setActive(to);
    const el = frame.current;
    const x = left + to * step;
    if (el && (x < el.scrollLeft || x > el.scrollLeft + el.clientWidth - step))
      el.scrollLeft = x - el.clientWidth / 2;
  };

  const describe = (i: number) => {
    const bar = bars[i]!;
    const parts =
      series.length > 1
        ? ` (${series.map((s, k) => `${s.label} ${format(bar.values[k] ?? 0)}`).join(', ')})`
        : '';
    return `${bar.label}: ${format(totals[i] ?? 0)}${parts}`;
  };

  return (
    <figure className="chart">
      <div className="chart-body">
        <ChartFrame
          frame={frame}
          label={`${title}, chart`}
          width={width}
          height={height}
          onKey={onKey}
          pick={pick}
          clear={() => setActive(null)}
        >
          {yTicks.map((t) => (
            <g key={t} className="chart-grid">
              <line x1={left} x2={width - MARGIN.right} y1={y(t)} y2={y(t)} />
              <text x={left - 6} y={y(t)} dy="0.32em" textAnchor="end">
                {format(t)}
              </text>
            </g>
          ))}
          {bars.map((bar, i) => {
            let base = 0;
            const x = left + i * step + Math.min(1, step * 0.1);
            const w = Math.max(1, step - Math.min(2, step * 0.2));
            return (
              <g key={bar.key} className={chosen === i ? 'chart-bar on' : 'chart-bar'}>
                {chosen === i && (
                  <rect
                    className="chart-hover"
                    x={left + i * step}
                    y={MARGIN.top}
                    width={step}
                    height={plotH}
                  />
                )}
                {series.map((s, k) => {
                  const v = Math.max(0, bar.values[k] ?? 0);
                  if (!(v > 0)) return null;
                  const r = (
                    <rect
                      key={s.key}
                      x={x}
                      width={w}
                      y={y(base + v)}
                      height={Math.max(0, y(base) - y(base + v))}
                      fill={bar.special ? 'var(--muted)' : s.color}
                    />
                  );
                  base += v;
                  return r;
                })}
                {labelled.has(i) && (
                  <text
                    className="chart-label"
                    x={left + i * step + step / 2}
                    y={height - 6}
                    textAnchor={i === 0 ? 'start' : 'middle'}
                  >
                    {bar.tick ?? bar.label}
                  </text>
                )}
              </g>
            );
          })}
          <line className="chart-axis" x1={left} x2={width - MARGIN.right} y1={y(0)} y2={y(0)} />
        </ChartFrame>
        {/* The axis values again, over the frame's left edge, so they stay while the bars scroll. */}
        <svg className="chart-yaxis" width={left} height={height} aria-hidden="true">
          {yTicks.map((t) => (
            <text key={t} x={left - 6} y={y(t)} dy="0.32em" textAnchor="end">
              {format(t)}
            </text>
          ))}
        </svg>
      </div>
      <figcaption className="chart-caption" aria-live="polite">
        {chosen === null ? <span className="muted">{hint}</span> : describe(chosen)}
      </figcaption>
      {series.length > 1 && (
        <ul className="chart-legend" aria-hidden="true">
          {series.map((s) => (
            <li key={s.key}>
              <span className="swatch" style={{ background: s.color }} />
              {s.label}
            </li>
          ))}
        </ul>
      )}
      <div className="sr-only">
        <table aria-label={title}>
          <thead>
            <tr>
              <th scope="col">{labelHeader}</th>
              {series.map((s) => (
                <th key={s.key} scope="col">
                  {s.label}
                </th>
              ))}
              {series.length > 1 && <th scope="col">Total</th>}
            </tr>
          </thead>
          <tbody>
            {bars.map((bar, i) => (
              <tr key={bar.key}>
                <th scope="row">{bar.label}</th>
                {series.map((s, k) => (
                  <td key={s.key}>{format(bar.values[k] ?? 0)}</td>
                ))}
                {series.length > 1 && <td>{format(totals[i] ?? 0)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** The content width of an element, followed as it resizes (`fallback` where nothing measures). */
function useWidth(ref: RefObject<HTMLElement | null>, fallback: number): number {
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const read = () => {
      if (el.clientWidth > 0) setWidth(el.clientWidth);
    };
    read();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(read);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
