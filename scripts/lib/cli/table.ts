/** Plain-text tables for terminal output (no colours: CI logs stay readable). */

export interface Column<Row> {
  header: string;
  value: (row: Row) => string | number | boolean | null | undefined;
  align?: 'left' | 'right';
  /** Longer cells are cut with "…". */
  maxWidth?: number;
}

function cell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/\s+/g, ' ');
}

function fit(text: string, max: number | undefined): string {
  if (max === undefined || text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1))}…`;
}

export function formatTable<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  const body = rows.map((row) => columns.map((c) => fit(cell(c.value(row)), c.maxWidth)));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...body.map((r) => (r[i] ?? '').length)));
  const render = (cells: readonly string[]): string =>
    cells
      .map((text, i) => {
        const width = widths[i] ?? 0;
        return columns[i]?.align === 'right' ? text.padStart(width) : text.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  const header = render(columns.map((c) => c.header));
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [header, rule, ...body.map(render)].join('\n');
}
