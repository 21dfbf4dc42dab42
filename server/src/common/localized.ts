/** Text that exists in every language the docs ship in. Docs and messages are data of this shape. */
export interface Localized {
  en: string;
  zh: string;
}

/** The languages hover docs and diagnostic messages are written in. */
export type DocsLanguage = 'en' | 'zh-cn';

export function pick(text: Localized, lang: DocsLanguage): string {
  return lang === 'zh-cn' ? text.zh : text.en;
}
