// Markdown tables and number formats shared by the bench scripts.

/**
 * A Markdown table; columns whose header is in `right` are right-aligned.
 * @param {string[]} headers
 * @param {(string|number)[][]} rows
 */
export function markdownTable(headers, rows, right = new Set(headers.slice(1))) {
  const cells = [headers, ...rows].map((row) => row.map(String));
  const widths = headers.map((_, i) => Math.max(3, ...cells.map((row) => row[i].length)));
  const line = (row) =>
    '| ' + row.map((c, i) => (right.has(headers[i]) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ') + ' |';
  const rule = '|' + widths.map((w, i) => (right.has(headers[i]) ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|') + '|';
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join('\n');
}

/** Milliseconds with a precision that suits their size. */
export function ms(value) {
  if (value == null || Number.isNaN(value)) return 'n/a';
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(3);
}

/** Bytes in B, KiB or MiB. */
export function bytes(value) {
  if (value == null) return 'n/a';
  if (value >= 1024 * 1024) return `${(value / 1024 / 1024).toFixed(1)} MiB`;
  if (value >= 1024) return `${(value / 1024).toFixed(1)} KiB`;
  return `${value} B`;
}

/** The `p`-th percentile (0 to 100) of `samples` by nearest rank; null when empty. */
export function percentile(samples, p) {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1];
}

/** The median of `samples`; null when empty. */
export function median(samples) {
  return percentile(samples, 50);
}
