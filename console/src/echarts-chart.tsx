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
    const p = palette();
    const axis = { axisLabel: { color: p.muted }, axisLine: { lineStyle: { color: p.line } }, splitLine: { lineStyle: { color: p.line } } };
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
      },
      { notMerge: true },
    );
  }, [option, theme, label]);

  return <div ref={el} className="chart" style={{ height }} role="img" aria-label={label} data-testid={testId} />;
}

function mergeAxis(axis: unknown, style: object): unknown {
  if (!axis) return axis;
  return Array.isArray(axis) ? axis.map((a) => ({ ...style, ...a })) : { ...style, ...(axis as object) };
}
