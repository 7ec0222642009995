/**
 * Traditional → simplified for the characters the speech uses, from the
 * build-time table (data/derived/match.json, pairs "綠绿銀银…"), so a
 * selection from a traditional-script page is segmented and matched as the
 * speech's own words.
 */
export type Simplifier = (text: string) => string;

export function createSimplifier(pairs: string): Simplifier {
  const table = new Map<string, string>();
  const chars = [...pairs];
  for (let i = 0; i + 1 < chars.length; i += 2) table.set(chars[i] as string, chars[i + 1] as string);
  return (text) => {
    let out = '';
    for (const ch of text) out += table.get(ch) ?? ch;
    return out;
  };
}
