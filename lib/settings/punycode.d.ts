/** The userland punycode package (Node's built-in module of that name is deprecated): what Yuanwen uses of it. */
declare module 'punycode/punycode.es6.js' {
  /** xn--fiqs8s.example → 中国.example; names without xn-- labels come back unchanged. */
  export function toUnicode(domain: string): string;
}
