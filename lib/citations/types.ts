export type CitationFormatId =
  | 'gbt7714'
  | 'gbt7714-web'
  | 'apa'
  | 'mla'
  | 'chicago'
  | 'bibtex'
  | 'ris'
  | 'csl-json'
  | 'markdown'
  | 'plain';
