// opencc-js ships its dictionaries as untyped modules ("from to|from to…" strings); generate-data.ts reads three.
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
