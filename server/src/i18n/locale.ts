import type { DocsLanguage } from '../common/localized';
import type { StevedoreSettings } from '../common/settings';

/**
 * The docs language: the `stevedore.docs.language` setting wins; `auto` follows the editor's
 * display language (VS Code sends it as `locale` in `initialize`, e.g. `zh-cn`, `zh-CN`, `zh-hans`).
 */
export function resolveDocsLanguage(settings: StevedoreSettings, editorLocale: string | undefined): DocsLanguage {
  if (settings.docs.language !== 'auto') return settings.docs.language;
  return isSimplifiedChinese(editorLocale) ? 'zh-cn' : 'en';
}

function isSimplifiedChinese(locale: string | undefined): boolean {
  if (!locale) return false;
  const l = locale.toLowerCase();
  // zh-tw / zh-hk / zh-hant readers get English rather than the wrong script.
  return l === 'zh' || l === 'zh-cn' || l === 'zh-sg' || l.startsWith('zh-hans');
}
