import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | bigint | boolean | null | undefined;

/**
 * A CSV document for spreadsheets, through csv-stringify: UTF-8 with a BOM (so that Excel reads the Chinese),
 * CRLF line ends, RFC 4180 quoting, empty cells for null/undefined, and any text cell starting with = + - @, a tab
 * or CR prefixed with `'` so that a spreadsheet shows it instead of running it as a formula (CSV injection).
 * Numbers (negative ones included) stay numbers. For every export: statistics tables, statements.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return stringify([[...header], ...rows.map((r) => [...r])], {
    bom: true,
    record_delimiter: 'windows',
    escape_formulas: true,
    cast: { bigint: (v) => v.toString(), boolean: (v) => (v ? 'true' : 'false') },
  });
}
