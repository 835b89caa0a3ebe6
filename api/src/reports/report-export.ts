// A grouped report flattened for export: one column per group dimension (key and label), then every metric.
import type { Deps } from "../deps.js";
import { type ExportFormat, toExport } from "./export.js";
import { type GroupedInput, groupedReport } from "./grouped-report.js";
import { METRIC_NAMES } from "./metrics.js";

export async function groupedExport(deps: Deps, input: GroupedInput, format: ExportFormat) {
  const report = await groupedReport(deps, { ...input, limit: input.limit ?? 10_000, offset: input.offset ?? 0 });
  const dimCols = report.groupBy.flatMap((d) => [d, `${d}Name`]);
  const columns = [...dimCols, ...METRIC_NAMES];
  const rows = report.rows.map((r) => ({
    ...Object.fromEntries(
      report.groupBy.flatMap((d, i) => [
        [d, r.keys[i]],
        [`${d}Name`, r.labels[i]],
      ]),
    ),
    ...r.metrics,
  }));
  const { contentType, body } = toExport(format, columns, rows);
  const name = `report-${report.groupBy.join("-")}-${report.range.from}-${report.range.to}.${format}`;
  return { contentType, filename: name, body };
}
