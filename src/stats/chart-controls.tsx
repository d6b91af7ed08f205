// Small controls shared by the Stats sections: a segmented choice and a section frame.
import type { KeyboardEvent, PointerEvent, ReactNode, RefObject } from 'react';

export function Segmented<T extends string | number>({
  label,
  options,
  value,
  onChange,
}: {
  label: string;
  options: readonly (readonly [T, string])[];
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <div className="segmented" role="group" aria-label={label}>
      {options.map(([v, text]) => (
        <button
          key={String(v)}
          type="button"
          aria-pressed={v === value}
          className={v === value ? 'on' : undefined}
          onClick={() => onChange(v)}
        >
          {text}
        </button>
      ))}
    </div>
  );
}

export function StatsSection({
  id,
  title,
  controls,
  children,
}: {
  id: string;
  title: string;
  controls?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="card stats-section" aria-labelledby={`${id}-title`} data-section={id}>
      <div className="stats-section-head">
        <h2 id={`${id}-title`}>{title}</h2>
        {controls && <div className="stats-controls">{controls}</div>}
      </div>
      {children}
    </section>
  );
}

export function EmptyNote({ children }: { children: ReactNode }) {
  return <p className="stats-empty muted">{children}</p>;
}

/**
 * The scrolling, focusable frame of a chart and its SVG: the pointer or a finger picks a mark,
 * the arrow keys move (onKey), and a mouse leaving clears the pick (a finger's pick stays).
 */
export function ChartFrame({
  frame,
  label,
  width,
  height,
  onKey,
  pick,
  clear,
  children,
}: {
  frame: RefObject<HTMLDivElement | null>;
  label: string;
  width: number;
  height: number;
  onKey: (e: KeyboardEvent<HTMLDivElement>) => void;
  pick: (e: PointerEvent<SVGSVGElement>) => void;
  clear: () => void;
  children: ReactNode;
}) {
  return (
    <div
      ref={frame}
      className="chart-frame"
      role="region"
      aria-label={label}
      tabIndex={0}
      onKeyDown={onKey}
    >
      <svg
        width={width}
        height={height}
        aria-hidden="true"
        onPointerMove={pick}
        onPointerDown={pick}
        onPointerLeave={(e) => {
          if (e.pointerType === 'mouse') clear();
        }}
      >
        {children}
      </svg>
    </div>
  );
}
