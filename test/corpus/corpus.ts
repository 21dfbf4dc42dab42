import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isComposeName, isJsonName, isYamlName, type LanguageKind } from '../../server/src/common/fileKinds';

/** The shared corpus of real files, read in place (never copied into the repo). */
export const corpusRoot = resolve(__dirname, '..', '..', '..', 'shared', 'corpus');
export const corpusAvailable = existsSync(join(corpusRoot, 'INDEX.tsv'));
export const corpusMissingMessage = `shared corpus not found at ${corpusRoot}: corpus tests skipped`;

export interface CorpusEntry {
  /** Path relative to the corpus root, e.g. `dockerfile/moby__buildkit/…`. */
  path: string;
  area: 'dockerfile' | 'parser-test' | 'k8s' | 'k8s-templated';
  kind: LanguageKind;
  notes: string;
  absolutePath: string;
}

/** Every Dockerfile and YAML file the corpus index lists (licenses and expected-result files left out). */
export function corpusEntries(): CorpusEntry[] {
  if (!corpusAvailable) return [];
  const lines = readFileSync(join(corpusRoot, 'INDEX.tsv'), 'utf8').split('\n').slice(1);
  const entries: CorpusEntry[] = [];
  for (const line of lines) {
    const [path, area, kinds = '', notes = ''] = line.split('\t');
    if (!path || kinds === 'expected-result' || /(^|\/)LICENSE$/.test(path)) continue;
    let kind: LanguageKind | undefined;
    if (area === 'dockerfile' || area === 'parser-test') kind = 'dockerfile';
    else if ((area === 'k8s' || area === 'k8s-templated') && /\.(ya?ml|tpl)$/i.test(path)) kind = 'yaml';
    if (!kind) continue;
    entries.push({ path, area: area as CorpusEntry['area'], kind, notes, absolutePath: join(corpusRoot, path) });
  }
  return entries;
}

export function readCorpusFile(entry: CorpusEntry): string {
  return readFileSync(entry.absolutePath, 'utf8');
}

/** The Compose files under a folder (the corpus keeps Compose projects in their own layout), sorted, dependency and VCS folders skipped. */
export function composeFilesUnder(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'node_modules' && name !== '.git') composeFilesUnder(path, out);
    } else if (isComposeName(name)) {
      out.push(path);
    }
  }
  return out;
}

/** The YAML and JSON files under a folder, sorted, depth first; a folder that cannot be read gives none. */
export function yamlAndJsonFilesUnder(dir: string): string[] {
  let entries: string[];
  try { entries = readdirSync(dir).sort(); } catch { return []; }
  return entries.flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? yamlAndJsonFilesUnder(full) : isYamlName(name) || isJsonName(name) ? [full] : [];
  });
}
