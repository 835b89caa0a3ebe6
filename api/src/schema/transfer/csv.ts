// Minimal RFC 4180 CSV: quoted fields, doubled quotes, commas and newlines inside quotes, CRLF or LF.

const needsQuote = /[",\r\n]|^\s|\s$|^[=+\-@\t]/;

/** One cell; formula-looking text (=, +, -, @) is quoted and prefixed with ' so spreadsheets do not run it. */
function cell(v: string): string {
  const safe = /^[=+\-@\t]/.test(v) && !/^-?\d/.test(v) ? `'${v}` : v;
  return needsQuote.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(columns: readonly string[], rows: ReadonlyArray<Record<string, string>>): string {
  const lines = [columns.map(cell).join(",")];
  for (const r of rows) lines.push(columns.map((c) => cell(r[c] ?? "")).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

export class CsvError extends Error {}

/** Parses CSV text into header-keyed records. */
export function parseCsv(text: string): Array<Record<string, string>> {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  const src = text.replace(/^\uFEFF/, "");
  while (i < src.length) {
    const ch = src[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === "") {
      quoted = true;
      i++;
    } else if (ch === ",") {
      row.push(field);
      field = "";
      i++;
    } else if (ch === "\r" || ch === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += ch === "\r" && src[i + 1] === "\n" ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (quoted) throw new CsvError("unterminated quoted field");
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  const nonEmpty = rows.filter((r) => !(r.length === 1 && r[0] === ""));
  const [header, ...body] = nonEmpty;
  if (!header) return [];
  return body.map((r) => Object.fromEntries(header.map((h, j) => [h.trim(), unescapeFormula(r[j] ?? "")])));
}

const unescapeFormula = (v: string) => (/^'[=+\-@\t]/.test(v) ? v.slice(1) : v);
