/** A cell: text, a number, a boolean, or empty (null, undefined). */
export type CsvCell = string | number | boolean | null | undefined;

/**
 * A CSV document as RFC 4180 writes it: CRLF line ends, every field quoted when it holds a comma, a quote or a line
 * break, quotes doubled. Text cells that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a
 * carriage return: resource names and messages come from the scanned code) get a leading apostrophe, which
 * spreadsheets show as plain text (OWASP's advice for CSV injection). Numbers are written as numbers.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
