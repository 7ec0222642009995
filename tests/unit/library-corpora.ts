/** The real documents of ../shared/corpora (see its README), for the library's tests and benchmark. */
import { existsSync, readFileSync } from 'node:fs';

export interface CorpusDocument {
  title: string;
  url: string;
  content: string;
}

export const CORPORA_DIR = new URL('../../../shared/corpora/', import.meta.url);

/** Every document of both collections, congress reports first; throws saying why if the folder is missing. */
export function corpusDocuments(): CorpusDocument[] {
  const files = ['cpc-congress-reports.jsonl', 'government-work-reports.jsonl'];
  return files.flatMap((file) => {
    const url = new URL(file, CORPORA_DIR);
    if (!existsSync(url))
      throw new Error(`the real documents are missing: ${url.pathname} (see ../shared/corpora/README.md)`);
    return readFileSync(url, 'utf8')
      .split('\n')
      .filter((line) => line.trim().length > 0)
      .map((line) => JSON.parse(line) as CorpusDocument);
  });
}

export function corpusDocument(titleStart: string): CorpusDocument {
  const found = corpusDocuments().find((d) => d.title.startsWith(titleStart));
  if (!found) throw new Error(`no document titled ${titleStart}… in ../shared/corpora`);
  return found;
}
