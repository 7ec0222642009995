/** The UI languages, and which one a page speaks. Each page's strings are in their own module. */
export type Lang = 'zh' | 'en';

/** The UI language: the user's choice, else the browser's (Chinese for any zh-*, English otherwise). */
export function resolveLanguage(choice: 'auto' | Lang, browserLanguage: string | undefined): Lang {
  if (choice !== 'auto') return choice;
  return (browserLanguage ?? '').toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
