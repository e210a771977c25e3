export interface Bar {
  value: number;
  /** Short axis label, shown for the first and last bar. */
  label: string;
  /** Full description of the bar (tooltip). */
  title: string;
}

/**
 * A small bar chart drawn in SVG. The chart is one image to assistive technology, labelled with
 * a summary; each bar carries its own title for pointer users.
 */
export function BarChart(props: { bars: readonly Bar[]; label: string; height?: number; highlightLast?: boolean }) {
  const { bars, label } = props;
  const height = props.height ?? 64;
  const width = 320;
  const top = 12;
  const max = Math.max(...bars.map((bar) => bar.value), 0);
  const slot = width / Math.max(bars.length, 1);
  const gap = Math.min(4, slot * 0.25);
  const first = bars[0];
  const last = bars.at(-1);
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${width} ${height + top}`} role="img" aria-label={label} preserveAspectRatio="none">
        <line x1="0" x2={width} y1={height + top - 0.5} y2={height + top - 0.5} class="chart-axis" />
        {bars.map((bar, index) => {
          const h = max > 0 ? Math.max((bar.value / max) * height, bar.value > 0 ? 1.5 : 0) : 0;
          const highlighted = props.highlightLast && index === bars.length - 1;
          return (
            <rect key={index} x={index * slot + gap / 2} y={height + top - h} width={slot - gap} height={h} rx="1.5"
              class={highlighted ? 'chart-bar chart-bar-now' : 'chart-bar'}>
              <title>{bar.title}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption class="chart-labels" aria-hidden="true">
        <span>{first?.label}</span>
        <span>{last?.label}</span>
      </figcaption>
    </figure>
  );
}
