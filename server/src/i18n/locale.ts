import type { DocsLanguage } from '../common/localized';
import type { StevedoreSettings } from '../common/settings';

/**
 * The one answer to "does this locale ask for Simplified Chinese?", for every front: the editor
 * sends a BCP 47 tag (`zh-cn`, `zh-CN`, `zh-hans`, `zh-Hans-HK`), the CLI reads a POSIX locale
 * from the environment (`zh_CN.UTF-8`, `zh_SG@euro`). Both spellings map the same way.
 * Traditional-script readers (`zh-tw`, `zh-hk`, `zh-hant`, `zh_TW.Big5`) get English rather than
 * the wrong script; so does everything that is not Chinese.
 */
export function docsLanguageOfLocale(locale: string | undefined): DocsLanguage {
  if (!locale) return 'en';
  // POSIX: language_REGION.codeset@modifier → language-region.
  const [language, ...rest] = locale.split(/[.@]/)[0].toLowerCase().split(/[-_]/);
  if (language !== 'zh') return 'en';
  if (rest.length === 0) return 'zh-cn';
  // The script decides when it is named (`zh-Hans-HK` is simplified), else the region does.
  const script = rest.find((subtag) => subtag.length === 4 || legacyScripts.has(subtag));
  if (script) return simplifiedScripts.has(script) ? 'zh-cn' : 'en';
  return rest.some((subtag) => simplifiedRegions.has(subtag)) ? 'zh-cn' : 'en';
}

/** `hans`, and the old Windows tag `zh-CHS`; `hant`/`zh-CHT` are traditional. */
const simplifiedScripts = new Set(['hans', 'chs']);
const legacyScripts = new Set(['chs', 'cht']);
/** Where Chinese is written in simplified characters (mainland China, Singapore). */
const simplifiedRegions = new Set(['cn', 'sg']);

/**
 * The docs language: the `stevedore.docs.language` setting wins; `auto` follows the editor's
 * display language (VS Code sends it as `locale` in `initialize`).
 */
export function resolveDocsLanguage(settings: StevedoreSettings, editorLocale: string | undefined): DocsLanguage {
  if (settings.docs.language !== 'auto') return settings.docs.language;
  return docsLanguageOfLocale(editorLocale);
}
