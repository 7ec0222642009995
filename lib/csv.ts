/**
 * One CSV field per RFC 4180, for every CSV Yuanwen writes (the popup's
 * matches, the ledger). A field a spreadsheet would run as a formula
 * (=, +, -, @, tab or CR first) gets a leading apostrophe: page text is
 * untrusted. Null is an empty field.
 */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
