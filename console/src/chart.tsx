// Charts, with ECharts in its own chunk: the Runs page (no chart) renders without downloading it.
import { lazy, Suspense } from 'react';

/** An ECharts option object (echarts/core's EChartsCoreOption, kept loose so this file imports no ECharts). */
export type ChartOption = Record<string, unknown>;

export interface ChartProps {
  option: ChartOption;
  label: string;
  height?: number;
  testId?: string;
}

const EChart = lazy(() => import('./echarts-chart'));

export function Chart(props: ChartProps) {
  return (
    <Suspense fallback={<div className="chart" style={{ height: props.height ?? 280 }} role="img" aria-label={`${props.label} (loading)`} />}>
      <EChart {...props} />
    </Suspense>
  );
}
