/**
 * How a citation names a section and paragraph of the speech, in Chinese and
 * English. Citations carry a part's whole heading: a heading cut short with an
 * ellipsis of ours is not the speech's wording.
 */
import type { Section } from '../corpus/types';
import type { CitedLocation } from './source';

/** A part's heading up to its first comma, with … when cut (for one line of a view, never for a citation). */
export function shortHeading(section: Section): string | null {
  if (section.title === section.label) return null;
  const comma = section.title.indexOf('，');
  return comma < 0 ? section.title : `${section.title.slice(0, comma)}…`;
}

/** A part's whole heading; null for the opening and the closing. */
export function fullHeading(section: Section): string | null {
  return section.title === section.label ? null : section.title;
}

/** 第二部分 · 切实增强落实污染防治的思想自觉… ; 开篇 (a view's one-line label) */
export function sectionHeading(section: Section): string {
  const heading = shortHeading(section);
  return heading ? `${section.label} · ${heading}` : section.label;
}

/** 第二部分“切实增强落实污染防治的思想自觉，以更高标准打好蓝天、碧水、净土保卫战”; 开篇 */
export function sectionZh(section: Section): string {
  const heading = fullHeading(section);
  return heading ? `${section.label}“${heading}”` : section.label;
}

/** 第二部分“…”，第4段 */
export function locationZh(location: CitedLocation): string {
  const sections = location.sections.map(sectionZh).join('至');
  const { firstParagraph: a, lastParagraph: b } = location;
  return `${sections}，${a === b ? `第${a}段` : `第${a}至${b}段`}`;
}

/** Part 2, Opening, Closing. */
export function englishSectionLabel(section: Section): string {
  if (section.title === section.label) return section.index === 0 ? 'Opening' : 'Closing';
  return `Part ${section.index}`;
}

/** Part 2, “切实增强…保卫战,” para. 4 (the plain and Markdown formats) */
export function locationEn(location: CitedLocation): string {
  const sections = englishSections(
    location,
    (i) => `Part ${i}, `,
    (h) => `“${h},”`,
  );
  return `${sections}${sections.endsWith('”') ? ' ' : ', '}${paragraphLocator(location, 'para.', 'paras.')}`;
}

/** The paragraph part of a locator: para. 4, paras. 3–4 (the words differ by style). */
export function paragraphLocator(location: CitedLocation, one: string, many: string): string {
  const { firstParagraph: a, lastParagraph: b } = location;
  return a === b ? `${one} ${a}` : `${many} ${a}–${b}`;
}

/**
 * The section part of an English locator, each style with its own word for a
 * part and its own punctuation around the heading: pt. 2, “切实增强…保卫战,”
 */
export function englishSections(
  location: CitedLocation,
  part: (index: number) => string,
  heading: (text: string) => string,
): string {
  return location.sections
    .map((s) => {
      const whole = fullHeading(s);
      return whole ? `${part(s.index)}${heading(whole)}` : englishSectionLabel(s);
    })
    .join(' to ');
}

/** The locator of the English note styles: pt. 2, “Heading,” para. 4 */
export function englishLocator(location: CitedLocation, paragraph: [one: string, many: string]): string {
  const sections = englishSections(
    location,
    (i) => `pt. ${i}, `,
    (h) => `“${h},”`,
  );
  return `${sections}${sections.endsWith('”') ? ' ' : ', '}${paragraphLocator(location, ...paragraph)}`;
}
