// Apache ECharts, only the parts the console uses (bar charts, grid, tooltip, legend, aria; SVG renderer).
// Loaded on demand (chart.tsx), so pages without charts do not wait for it.
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ChartProps } from './chart';
import { useSession } from './session';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

/** Colours of the current theme, from the CSS custom properties (styles.css). */
function palette() {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string) => css.getPropertyValue(name).trim();
  return { text: v('--text'), muted: v('--muted'), line: v('--line'), bg: v('--card'), series: [1, 2, 3, 4, 5].map((i) => v(`--series-${i}`)) };
}

export default function EChart({ option, label, height = 280, testId }: ChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const { theme } = useSession();

  useEffect(() => {
    const instance = echarts.init(el.current!, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el.current!);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // Every text ECharts draws takes its colour from the theme: its own defaults (#333 labels, axis names in
    // the axis line's colour) are unreadable on the dark card, and axe cannot check inside the SVG.
    const p = palette();
    const axis = {
      axisLabel: { color: p.muted },
      nameTextStyle: { color: p.muted },
      axisLine: { lineStyle: { color: p.line } },
      splitLine: { lineStyle: { color: p.line } },
    };
    chart.current?.setOption(
      {
        color: p.series,
        backgroundColor: 'transparent',
        textStyle: { color: p.text },
        aria: { enabled: true, label: { description: label } },
        ...option,
        legend: option.legend ? { textStyle: { color: p.text }, ...(option.legend as object) } : undefined,
        tooltip: { className: 'chart-tooltip', backgroundColor: p.bg, borderColor: p.line, textStyle: { color: p.text }, ...(option.tooltip as object) },
        xAxis: mergeAxis(option.xAxis, axis),
        yAxis: mergeAxis(option.yAxis, axis),
        series: themeLabels(option.series, p.text),
      },
      { notMerge: true },
    );
  }, [option, theme, label]);

  return <div ref={el} className="chart" style={{ height }} role="img" aria-label={label} data-testid={testId} />;
}

/** The theme's axis style under the page's own axis settings (a page's axisLabel keeps the theme colour). */
function mergeAxis(axis: unknown, style: Record<string, object>): unknown {
  if (!axis) return axis;
  const one = (a: Record<string, unknown>) => {
    const merged: Record<string, unknown> = { ...style, ...a };
    for (const k of Object.keys(style)) if (a[k]) merged[k] = { ...style[k], ...(a[k] as object) };
    return merged;
  };
  return Array.isArray(axis) ? axis.map(one) : one(axis as Record<string, unknown>);
}

/** Bar labels outside the bar stand on the card: the theme's text colour unless the page sets one. */
function themeLabels(series: unknown, color: string): unknown {
  if (!Array.isArray(series)) return series;
  return series.map((s: { label?: { show?: boolean; position?: string; color?: string } }) =>
    s.label?.show && !/inside/.test(s.label.position ?? '') ? { ...s, label: { color, ...s.label } } : s,
  );
}
