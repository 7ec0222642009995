/** How a citation names a section and paragraph of the speech, in Chinese and English. */
import type { Section } from '../corpus/types';
import type { CitedLocation } from './source';

/** A part's heading up to its first comma: 切实增强落实污染防治的思想自觉… */
export function shortHeading(section: Section): string | null {
  if (section.title === section.label) return null;
  const comma = section.title.indexOf('，');
  return comma < 0 ? section.title : `${section.title.slice(0, comma)}…`;
}

/** 第二部分 · 切实增强落实污染防治的思想自觉… ; 开篇 */
export function sectionHeading(section: Section): string {
  const heading = shortHeading(section);
  return heading ? `${section.label} · ${heading}` : section.label;
}

/** Part 2, Opening, Closing. */
export function englishSectionLabel(section: Section): string {
  if (section.title === section.label) return section.index === 0 ? 'Opening' : 'Closing';
  return `Part ${section.index}`;
}

/** 第二部分 · 切实增强…，第4段 */
export function locationZh(location: CitedLocation): string {
  const sections = location.sections.map(sectionHeading).join(' 至 ');
  const { firstParagraph: a, lastParagraph: b } = location;
  return `${sections}，${a === b ? `第${a}段` : `第${a}至${b}段`}`;
}

/** Part 2 · 切实增强…, para. 4 */
export function locationEn(location: CitedLocation): string {
  const sections = location.sections
    .map((s) => {
      const heading = shortHeading(s);
      return heading ? `${englishSectionLabel(s)} · ${heading}` : englishSectionLabel(s);
    })
    .join(' to ');
  return `${sections}, ${paragraphLocator(location, 'para.', 'paras.')}`;
}

/** The paragraph part of a locator: para. 4, paras. 3–4 (the words differ by style). */
export function paragraphLocator(location: CitedLocation, one: string, many: string): string {
  const { firstParagraph: a, lastParagraph: b } = location;
  return a === b ? `${one} ${a}` : `${many} ${a}–${b}`;
}

/**
 * The section part of an English locator, each style with its own word for a
 * part and its own punctuation around the heading: pt. 2, “切实增强…,”
 */
export function englishSections(
  location: CitedLocation,
  part: (index: number) => string,
  heading: (text: string) => string,
): string {
  return location.sections
    .map((s) => {
      const short = shortHeading(s);
      return short ? `${part(s.index)}${heading(short)}` : englishSectionLabel(s);
    })
    .join(' to ');
}
