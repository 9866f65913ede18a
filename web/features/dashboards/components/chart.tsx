import { BarChart, LineChart, PieChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

// Only what the dashboard draws, rendered as SVG (text stays text: shaped Arabic, crisp in print).
echarts.use([BarChart, LineChart, PieChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

const rtlTooltip = "direction: rtl; text-align: right;";

/** A value left null is a gap (a month with no answers), not a zero. */
export type ChartSeries = { name: string; values: readonly (number | null)[] };

/**
 * One chart, read right to left: categories run from the right (the value axis stands on the right),
 * the legend sits at the right, numbers are written by the page's own formatter.
 */
export function Chart({
  kind,
  categories,
  series,
  label,
  format,
}: {
  kind: "bar" | "pie" | "line";
  categories: readonly string[];
  series: readonly ChartSeries[];
  /** What the chart shows, for those who do not see it (its table follows it). */
  label: string;
  format: (value: number) => string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = echarts.init(element, null, { renderer: "svg" });
    const font = getComputedStyle(element).fontFamily;
    const textStyle = { fontFamily: font, fontSize: 13 };
    const tooltipFormat = (value: unknown) =>
      typeof value === "number" ? format(value) : value == null || value === "-" ? "—" : String(value);
    if (kind === "pie") {
      chart.setOption({
        textStyle,
        tooltip: { trigger: "item", valueFormatter: tooltipFormat, extraCssText: rtlTooltip },
        legend: {
          type: "scroll",
          orient: "horizontal",
          bottom: 0,
          left: "center",
          align: "right",
          textStyle,
        },
        series: [
          {
            type: "pie",
            name: series[0]?.name ?? "",
            radius: ["35%", "62%"],
            center: ["50%", "44%"],
            label: { show: false },
            data: categories.map((name, i) => ({ name, value: series[0]?.values[i] ?? 0 })),
          },
        ],
      });
    } else {
      chart.setOption({
        textStyle,
        tooltip: { trigger: "axis", valueFormatter: tooltipFormat, extraCssText: rtlTooltip },
        legend: series.length > 1 ? { right: 0, top: 0, align: "right", textStyle } : undefined,
        grid: { left: 16, right: 16, top: series.length > 1 ? 36 : 16, bottom: 8, containLabel: true },
        xAxis: {
          type: "category",
          data: [...categories],
          inverse: true,
          axisLabel: { interval: 0, hideOverlap: true, width: 110, overflow: "truncate", fontFamily: font },
        },
        yAxis: {
          type: "value",
          position: "right",
          minInterval: 1,
          axisLabel: { formatter: (value: number) => format(value), fontFamily: font },
        },
        series: series.map((s) => ({
          type: kind,
          name: s.name,
          data: [...s.values],
          ...(kind === "line" ? { smooth: false, symbolSize: 8 } : { barMaxWidth: 48 }),
        })),
      });
    }
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [kind, categories, series, format]);
  // ECharts measures and places text left to right; inheriting the page's `rtl` would flip each label
  // against its own measure (legend icons over the words). The layout is mirrored by the options
  // above instead, and Arabic inside each label still reads right to left by the Unicode bidi rules.
  return <div ref={ref} className="chart" dir="ltr" role="img" aria-label={label} data-chart={kind} />;
}
