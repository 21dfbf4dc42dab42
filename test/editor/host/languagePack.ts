/**
 * A test-only display-language pack. VS Code (desktop and code-server alike) only switches its
 * display language, and so `vscode.env.language` and the `locale` our client sends in
 * `initialize`, when a language pack for that locale is installed; `--locale zh-cn` alone falls
 * back to English. Microsoft's Chinese pack comes from the Marketplace, which tests cannot reach,
 * so we build the smallest valid pack ourselves: it declares the locale and ships an empty
 * translation table, so the workbench's own strings stay English while the language is zh-cn.
 * It is packaged as a real .vsix and installed with the editor's own `--install-extension`.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const publisher = 'stevedore-test';
const packName = (locale: string) => `test-locale-${locale}`;

export async function buildLanguagePack(locale: string, outDir: string): Promise<string> {
  const vsixPath = join(outDir, `stevedore-test-locale-${locale}.vsix`);
  if (existsSync(vsixPath)) return vsixPath;
  const source = join(outDir, `locale-${locale}`);
  rmSync(source, { recursive: true, force: true });
  mkdirSync(join(source, 'translations'), { recursive: true });
  const manifest = {
    name: packName(locale),
    displayName: `Test display language ${locale}`,
    description: `Test-only pack that sets the display language to ${locale} without translating the UI.`,
    version: '0.0.1',
    publisher,
    license: 'MIT',
    engines: { vscode: '^1.100.0' },
    categories: ['Language Packs'],
    files: ['translations/**', 'README.md', 'LICENSE'],
    contributes: {
      localizations: [{
        languageId: locale,
        languageName: locale,
        localizedLanguageName: locale,
        translations: [{ id: 'vscode', path: './translations/main.i18n.json' }],
      }],
    },
  };
  writeFileSync(join(source, 'package.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(source, 'translations', 'main.i18n.json'), JSON.stringify({ version: '1.0.0', contents: {} }));
  writeFileSync(join(source, 'README.md'), `Test-only display language pack for ${locale} (Stevedore editor tests).\n`);
  writeFileSync(join(source, 'LICENSE'), 'MIT\n');
  // vsce is a devDependency of the repo (it packages the extension); loaded lazily because only
  // locale passes need it.
  const { createVSIX } = require('@vscode/vsce') as { createVSIX(options: Record<string, unknown>): Promise<unknown> };
  await createVSIX({ cwd: source, packagePath: vsixPath, dependencies: false, allowMissingRepository: true, skipLicense: true });
  return vsixPath;
}

/**
 * The editor picks its display language from `<user-data-dir>/languagepacks.json`, which VS Code
 * writes when a pack is installed from inside the running editor. code-server's command-line
 * `--install-extension` installs the pack but leaves that index unwritten, so we write the entry
 * for our pack the way VS Code's own language-pack cache does (hash = md5 of id and version).
 * An index the editor wrote itself is left alone.
 */
export function registerLanguagePack(locale: string, userDataDir: string, extensionsDir: string): void {
  const indexPath = join(userDataDir, 'languagepacks.json');
  if (existsSync(indexPath)) return;
  const id = `${publisher}.${packName(locale)}`;
  const folder = readdirSync(extensionsDir).find((entry) => entry.startsWith(`${id}-`));
  if (!folder) throw new Error(`language pack ${id} is not installed in ${extensionsDir}`);
  const { version } = JSON.parse(readFileSync(join(extensionsDir, folder, 'package.json'), 'utf8')) as { version: string };
  const entry = {
    hash: createHash('md5').update(id).update(version).digest('hex'),
    extensions: [{ extensionIdentifier: { id }, version }],
    translations: { vscode: join(extensionsDir, folder, 'translations', 'main.i18n.json') },
    label: locale,
  };
  writeFileSync(indexPath, JSON.stringify({ [locale]: entry }));
}
