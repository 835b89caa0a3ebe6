// CSV and JSON export of any report's rows. CSV follows RFC 4180 and defuses spreadsheet formulas in text cells.
export type ExportFormat = "csv" | "json";

const cell = (v: unknown): string => {
  if (v === null || v === undefined) return "";
  let s = v instanceof Date ? v.toISOString() : String(v);
  // A text cell starting with = + - @ would run as a formula in a spreadsheet; numbers are left alone.
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function toCsv(columns: string[], rows: Array<Record<string, unknown>>): string {
  return [columns.map(cell).join(","), ...rows.map((r) => columns.map((c) => cell(r[c])).join(","))].join("\r\n") + "\r\n";
}

export function toExport(format: ExportFormat, columns: string[], rows: Array<Record<string, unknown>>): { contentType: string; body: string } {
  if (format === "json") return { contentType: "application/json", body: JSON.stringify(rows) };
  return { contentType: "text/csv; charset=utf-8", body: toCsv(columns, rows) };
}
