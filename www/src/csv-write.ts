// Rows of text written as a CSV file (RFC 4180), for the page's table downloads and the files the
// engine worker writes of lists it holds. No DOM.

/** One CSV field, quoted when needed. */
const csvField = (s: string) => (/[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Rows of text as CSV (CRLF line ends). */
export const csvOf = (rows: string[][]) => rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
