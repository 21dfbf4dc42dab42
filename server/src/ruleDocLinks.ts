/**
 * Where the fronts point users for a rule's documentation. The pages (docs/rules/<id>.md and
 * docs/rules/zh-cn/<id>.md) ship in the .vsix and the npm package next to dist/, so a link to the
 * installed copy works offline and always matches the installed rules. A web address is offered
 * only when package.json names a real repository on GitHub or GitLab; none is made up.
 *
 * The engine never sees any of this: its diagnostics carry the rule id as `code`, and the language
 * server (`withRuleDocLinks`) and the command line's formats add the links.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import packageJson from '../../package.json';
import type { DocsLanguage } from './common/localized';
import { ruleDocsPath } from './common/rules';

export interface RuleDocsSource {
  /** The installed package's root, whose docs/rules holds the pages; absent when they are not there. */
  packageRoot?: string;
  /** The repository on the web, when package.json names one we can address. */
  repository?: RepositoryLinks;
}

export interface RepositoryLinks {
  /** `https://github.com/o/r` */
  home: string;
  /** Its files on the default branch, ending in `/`: `https://github.com/o/r/blob/HEAD/`. */
  files: string;
}

/**
 * package.json's `repository` (`"github:o/r"`, `"o/r"`, `{ url: "git+https://github.com/o/r.git" }`,
 * `git@gitlab.com:g/r.git`…) as web addresses; undefined for anything else (no repository,
 * another host): we only link to pages we know how to address.
 */
export function repositoryLinks(repository: unknown): RepositoryLinks | undefined {
  const raw = typeof repository === 'string' ? repository : (repository as { url?: unknown } | undefined)?.url;
  if (typeof raw !== 'string' || !raw.trim()) return undefined;
  let spec = raw.trim().replace(/^git\+/, '').replace(/\.git$/, '').replace(/\/+$/, '');
  if (/^[\w.-]+\/[\w.-]+$/.test(spec)) spec = `github:${spec}`;
  const match =
    /^(github|gitlab):([\w.-]+(?:\/[\w.-]+)+)$/.exec(spec) ??
    /^(?:https?|ssh|git):\/\/(?:[^@/]+@)?(github|gitlab)\.com\/([\w.-]+(?:\/[\w.-]+)+)$/.exec(spec) ??
    /^git@(github|gitlab)\.com:([\w.-]+(?:\/[\w.-]+)+)$/.exec(spec);
  if (!match) return undefined;
  const [, host, project] = match;
  if (host === 'github' && project.split('/').length !== 2) return undefined;
  const home = `https://${host}.com/${project}`;
  return { home, files: host === 'github' ? `${home}/blob/HEAD/` : `${home}/-/blob/HEAD/` };
}

/** The nearest folder at or above `start` holding the generated rule index (dist/ and server/src/ both find the package). */
export function findPackageRoot(start: string, hasFile: (path: string) => boolean = existsSync): string | undefined {
  let dir = start;
  for (let depth = 0; depth < 4; depth++) {
    if (hasFile(join(dir, ruleDocsPath('README', 'en')))) return dir;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

let installed: RuleDocsSource | undefined;

/** The pages next to the running code (dist/ in a package, server/src/ from a checkout) and the repository, if named. */
export function installedRuleDocs(): RuleDocsSource {
  installed ??= { packageRoot: findPackageRoot(__dirname), repository: repositoryLinks((packageJson as { repository?: unknown }).repository) };
  return installed;
}

const pageExists = new Map<string, boolean>();

/** The installed page of a rule, as an absolute path; undefined when there is none (not a rule, docs missing). */
export function localRuleDoc(source: RuleDocsSource, ruleId: string, lang: DocsLanguage): string | undefined {
  if (!source.packageRoot || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(ruleId)) return undefined;
  const path = join(source.packageRoot, ...ruleDocsPath(ruleId, lang).split('/'));
  let exists = pageExists.get(path);
  if (exists === undefined) pageExists.set(path, (exists = existsSync(path)));
  return exists ? path : undefined;
}

/** The page's web address when the repository is known; only for rules that have a page. */
export function webRuleDoc(source: RuleDocsSource, ruleId: string, lang: DocsLanguage): string | undefined {
  if (!source.repository || !localRuleDoc(source, ruleId, lang)) return undefined;
  return `${source.repository.files}${ruleDocsPath(ruleId, lang)}`;
}

/**
 * The help link the command line prints (JSON `helpUri`, SARIF `helpUri`): the web page when the
 * repository is known, so a report read on another machine still resolves, else the installed file.
 */
export function ruleHelpUri(source: RuleDocsSource, ruleId: string, lang: DocsLanguage): string | undefined {
  const web = webRuleDoc(source, ruleId, lang);
  if (web) return web;
  const local = localRuleDoc(source, ruleId, lang);
  return local ? pathToFileURL(local).href : undefined;
}

/**
 * The language server's links: the installed page as a `file:` URI, in the document's docs language.
 * Editors open it offline (the VS Code client turns it into "open the preview"); a diagnostic
 * without a page keeps no link.
 */
export function withRuleDocLinks(diagnostics: Diagnostic[], lang: DocsLanguage, source: RuleDocsSource = installedRuleDocs()): Diagnostic[] {
  return diagnostics.map((diagnostic) => {
    const page = diagnostic.source === 'stevedore' && typeof diagnostic.code === 'string' ? localRuleDoc(source, diagnostic.code, lang) : undefined;
    return page ? { ...diagnostic, codeDescription: { href: pathToFileURL(page).href } } : diagnostic;
  });
}
