/** How a citation's parts go together, for one quote and for several (copy all). */

/** The cited text(s), a blank line, then the reference entries, one per line, each source once. */
export function assemble(cites: readonly string[], references: readonly string[]): string {
  const entries = [...new Set(references)];
  return [...cites, entries.join('\n')].filter((block) => block !== '').join('\n\n');
}
