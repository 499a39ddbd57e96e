// ArtifactaCharts turns Core values into standalone, deterministic SVG text. Nothing is
// drawn in the browser: a page only shows and hides what these charts wrote.
//
// Chart kinds, each a value with `svg() -> String`:
//   LineChart (Series overlays)            CurveChart (ROC, PR, any x–y overlay)
//   HistogramChart (Distribution)          ScatterChart (Scatter; density beyond 3,000 points)
//   HeatmapChart (Matrix, row-normalised)  CategoryBarChart (BarChart, grouped/stacked)
//   ParallelCoordinatesChart, ParameterImportanceChart, ParameterScatterChart (sweeps)
//   LineageChart (LineageGraph laid out by LineageLayout)
//
// Conventions every chart follows, for pages that embed them:
// - Root `<svg class="ac" role="img" aria-label="…">` with a `<title>`, an embedded
//   `<style>` (ChartTheme.embeddedCSS) and a background rect.
// - A run's marks sit in `<g class="run …" data-run="RUN_ID">`; legend entries carry the
//   same `data-run`, so `[data-run="…"]{display:none}` hides a run everywhere.
// - Colours and fonts come from CSS variables with light fallbacks (`--chart-bg`,
//   `--chart-text`, `--chart-muted`, `--chart-grid`, `--chart-axis`, `--series-0…9`);
//   ChartTheme.pageVariablesCSS defines a light `:root` and a `[data-theme=dark]` theme.
// - Run colours are `Palette.colorClass(colorIndex)`; callers pass the same index for a run
//   on every chart of the site.
// - Bounded: no chart exceeds ChartLimits.maxBytes, whatever its input.
