import { baseName, directoryOf, joinPath } from '../common/paths';
import type { ProjectFileReader } from '../common/service';
import { parseEnvFile, type EnvFile } from './envFile';
import { scanTemplate, substitute, type VariableLookup } from './interpolation';
import { addIncluded, at, mergeSources, parseComposeSource, textOf, type ComposeSource, type Merged, type MergedMap } from './merge';

/**
 * The Compose application a file belongs to, as `docker compose` in its folder would load it:
 * `compose.yaml` (or `compose.yml`, `docker-compose.yml`, `docker-compose.yaml`) with the first
 * `compose.override.yml`/`.yaml` or `docker-compose.override.yml`/`.yaml` beside it; an override
 * such as `compose.prod.yaml` on top of that folder's base file (as `-f compose.yaml -f
 * compose.prod.yaml`); then every `include:`d application, each loaded from its own folder. The
 * `.env` of the project folder provides the variables. Files come through the front's reader
 * (`FeatureContext.project.files`); without one the file stands alone.
 */

export const baseFileNames = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];
export const overrideFileNames = ['compose.override.yml', 'compose.override.yaml', 'docker-compose.override.yml', 'docker-compose.override.yaml'];
const overrideLike = /^(?:docker-)?compose\.[^/\\]+\.ya?ml$/i;

export interface IncludedApplication {
  /** The `include:` entry's path value as written (for links and messages). */
  sources: ComposeSource[];
  root: MergedMap;
  env: EnvironmentFile | undefined;
}

export interface EnvironmentFile {
  path: string;
  text: string;
  file: EnvFile;
}

export interface ComposeProject {
  /** The document being checked. */
  current: ComposeSource;
  /** The files merged, in `-f` order (the current one among them). */
  layers: ComposeSource[];
  /** Included applications (recursively), after the layers. */
  included: IncludedApplication[];
  /** The merged application: layers merged, included resources added. */
  root: MergedMap;
  /** The project folder's `.env`, when present. */
  env: EnvironmentFile | undefined;
  /** Interpolation values: the `.env` (the shell's environment is unknown here). */
  lookup: VariableLookup;
  /** The source holding a path (current, layers, included). */
  sourceOf(path: string): ComposeSource | undefined;
  /**
   * Some `include:` could not be read (a remote or unreadable file, a variable without value, no
   * reader): names it would declare are unknown, so "not declared" cannot be said.
   */
  incomplete: boolean;
}

/** Bounds: a deep or circular `include:` chain stops quietly. */
const maxIncludeDepth = 5;
const maxIncludedFiles = 50;

/** `dir` + a relative path, `.` and `..` folded; absolute paths stay as they are. */
export function resolvePath(dir: string, path: string): string {
  const isAbsolute = /^(?:[\\/]|[A-Za-z]:[\\/])/.test(path);
  const joined = isAbsolute ? path : joinPath(dir, path);
  const separator = joined.includes('\\') && !joined.includes('/') ? '\\' : '/';
  const parts = joined.split(/[\\/]+/);
  const out: string[] = [];
  for (const [index, part] of parts.entries()) {
    if (part === '.' || (part === '' && index > 0)) continue;
    if (part === '..') {
      if (out.length > 1 || (out.length === 1 && out[0] !== '' && !/^[A-Za-z]:$/.test(out[0]))) out.pop();
      continue;
    }
    out.push(part);
  }
  const result = out.join(separator);
  return result === '' ? separator : /^[A-Za-z]:$/.test(result) ? `${result}${separator}` : result;
}

/** `~/x` and remote references (`git@…`, `https://…`, `oci://…`) are not files of the workspace. */
export function isLocalPath(path: string): boolean {
  return !/^(?:~|[a-z][a-z0-9+.-]*:\/\/|git@)/i.test(path);
}

/**
 * Files beside the one being edited change rarely: their parse is kept while their text is the
 * same (an edit of compose.yaml must not re-parse compose.override.yaml on every keystroke).
 */
const parsedSources = new Map<string, ComposeSource>();
const maxParsedSources = 200;

export function readSource(files: ProjectFileReader, path: string, projectDir: string): ComposeSource | undefined {
  const text = files.readText(path);
  if (text === undefined) return undefined;
  const key = `${path}\u0000${projectDir}`;
  const cached = parsedSources.get(key);
  if (cached && cached.text === text) return cached;
  const source = parseComposeSource(path, text, projectDir);
  if (parsedSources.size >= maxParsedSources) parsedSources.delete(parsedSources.keys().next().value!);
  parsedSources.set(key, source);
  return source;
}

function firstExisting(files: ProjectFileReader, dir: string, names: readonly string[]): string | undefined {
  for (const name of names) {
    const path = joinPath(dir, name);
    if (files.kindOf(path) === 'file') return path;
  }
  return undefined;
}

function readEnv(files: ProjectFileReader | undefined, path: string): EnvironmentFile | undefined {
  const text = files?.readText(path);
  return text === undefined ? undefined : { path, text, file: parseEnvFile(text) };
}

/** A value that may hold variables, resolved when every variable it needs is known. */
export function resolvedText(text: string, lookup: VariableLookup): string | undefined {
  if (!text.includes('$')) return text;
  const scan = scanTemplate(text);
  if (scan.invalid) return undefined;
  const result = substitute(text, lookup);
  return result.missing.length > 0 || result.requiredError ? undefined : result.value;
}

/** The sources the current file is merged with, in `-f` order. */
function layersFor(current: ComposeSource, files: ProjectFileReader | undefined): ComposeSource[] {
  if (!files) return [current];
  const dir = directoryOf(current.path);
  const name = baseName(current.path).toLowerCase();
  if (baseFileNames.includes(name)) {
    const override = firstExisting(files, dir, overrideFileNames);
    const source = override && override !== current.path ? readSource(files, override, dir) : undefined;
    return source ? [current, source] : [current];
  }
  if (overrideLike.test(name)) {
    const base = firstExisting(files, dir, baseFileNames);
    const source = base && base !== current.path ? readSource(files, base, dir) : undefined;
    return source ? [source, current] : [current];
  }
  return [current];
}

/** `include:` entries: paths (several merge into one application), project folder, env files. */
function includeEntries(root: MergedMap, projectDir: string, lookup: VariableLookup): { entries: { paths: string[]; projectDir: string; envFiles: string[] }[]; unresolved: boolean } {
  const include = at(root, 'include');
  const out: { paths: string[]; projectDir: string; envFiles: string[] }[] = [];
  if (include === undefined) return { entries: out, unresolved: false };
  if (include.kind !== 'seq') return { entries: out, unresolved: true };
  let unresolved = false;
  const local = (node: Merged | undefined): string[] => {
    const items = node?.kind === 'seq' ? node.items : node ? [node] : [];
    return items.flatMap((item) => {
      const raw = textOf(item);
      const text = raw === undefined ? undefined : resolvedText(raw, lookup);
      if (text !== undefined && text !== '' && isLocalPath(text)) return [resolvePath(item.source.projectDir, text)];
      unresolved = true;
      return [];
    });
  };
  for (const item of include.items) {
    if (item.kind === 'scalar') {
      const paths = local(item);
      if (paths.length > 0) out.push({ paths, projectDir: directoryOf(paths[0]), envFiles: [] });
      continue;
    }
    if (item.kind !== 'map') {
      unresolved = true;
      continue;
    }
    const paths = local(item.entries.get('path')?.value);
    if (paths.length === 0) continue;
    const dirRaw = textOf(item.entries.get('project_directory')?.value);
    const dirText = dirRaw === undefined ? undefined : resolvedText(dirRaw, lookup);
    out.push({
      paths,
      projectDir: dirText ? resolvePath(projectDir, dirText) : directoryOf(paths[0]),
      envFiles: local(item.entries.get('env_file')?.value),
    });
  }
  return { entries: out, unresolved };
}

function envLookup(env: EnvironmentFile[] | undefined, outer?: VariableLookup): VariableLookup {
  // The including project's values win over the included one's `.env` (the spec's include chapter).
  return (name) => outer?.(name) ?? env?.map((e) => e.file.values.get(name)).reverse().find((value) => value !== undefined);
}

/** Loads the application `current` belongs to. */
export function loadComposeProject(current: ComposeSource, files: ProjectFileReader | undefined): ComposeProject {
  const layers = layersFor(current, files);
  const projectDir = directoryOf(layers[0].path);
  // Every layer sits in the folder of the first (overrides are looked for beside it), so each source's projectDir already is the project's.
  const env = readEnv(files, joinPath(projectDir, '.env'));
  const lookup = envLookup(env ? [env] : undefined);
  let root = mergeSources(layers) ?? { kind: 'map' as const, source: current, node: current.yaml.contents as never, entries: new Map() };
  const included: IncludedApplication[] = [];
  const seen = new Set(layers.map((layer) => layer.path));
  let incomplete = false;
  const visit = (from: MergedMap, fromDir: string, outer: VariableLookup, depth: number): MergedMap => {
    const { entries, unresolved } = includeEntries(from, fromDir, outer);
    if (unresolved) incomplete = true;
    if (entries.length === 0) return from;
    if (!files || depth > maxIncludeDepth) {
      incomplete = true;
      return from;
    }
    let result = from;
    for (const entry of entries) {
      // A file already loaded (a cycle, or included twice) adds nothing new.
      if (entry.paths.some((path) => seen.has(path))) continue;
      if (included.length >= maxIncludedFiles) {
        incomplete = true;
        continue;
      }
      const sources = entry.paths.flatMap((path) => readSource(files, path, entry.projectDir) ?? []);
      if (sources.length < entry.paths.length) incomplete = true;
      if (sources.length === 0) continue;
      for (const source of sources) seen.add(source.path);
      const envFiles = (entry.envFiles.length > 0 ? entry.envFiles : [joinPath(entry.projectDir, '.env')]).flatMap((path) => readEnv(files, path) ?? []);
      const innerLookup = envLookup(envFiles, outer);
      let inner = mergeSources(sources);
      if (!inner) continue;
      inner = visit(inner, entry.projectDir, innerLookup, depth + 1);
      included.push({ sources, root: inner, env: envFiles[0] });
      result = addIncluded(result, inner);
    }
    return result;
  };
  root = visit(root, projectDir, lookup, 1);
  const byPath = new Map<string, ComposeSource>();
  for (const source of [...layers, ...included.flatMap((app) => app.sources)]) byPath.set(source.path, source);
  return { current, layers, included, root, env, lookup, sourceOf: (path) => byPath.get(path), incomplete };
}

/** What the project loader needs from a parsed document (the Compose model has it). */
export interface ParsedComposeText {
  text: string;
  yaml: ComposeSource['yaml'];
  lineCounter: ComposeSource['lineCounter'];
  document: { uri: string };
}

const projects = new WeakMap<ParsedComposeText, { files: ProjectFileReader | undefined; path: string; project: ComposeProject }>();

/**
 * The application of a parsed document, loaded once per document version and reader (every rule
 * and navigation request of that version shares it). `filePath` is the document's path; without
 * one the URI stands in and nothing beside it is read.
 */
export function composeProjectOf(model: ParsedComposeText, filePath: string | undefined, files: ProjectFileReader | undefined): ComposeProject {
  const path = filePath ?? model.document.uri;
  const cached = projects.get(model);
  if (cached && cached.files === files && cached.path === path && isCurrent(cached.project, files)) return cached.project;
  const current: ComposeSource = { path, text: model.text, yaml: model.yaml, lineCounter: model.lineCounter, projectDir: directoryOf(path) };
  const project = loadComposeProject(current, filePath ? files : undefined);
  projects.set(model, { files, path, project });
  return project;
}

/**
 * Whether the files a loaded application read still hold the same text: the editor's unsaved text
 * of an open override or `.env` changes without a new version of the file being checked.
 */
function isCurrent(project: ComposeProject, files: ProjectFileReader | undefined): boolean {
  if (!files) return true;
  for (const source of [...project.layers, ...project.included.flatMap((app) => app.sources)]) {
    if (source !== project.current && files.readText(source.path) !== source.text) return false;
  }
  for (const env of [project.env, ...project.included.map((app) => app.env)]) {
    if (env && files.readText(env.path) !== env.text) return false;
  }
  return true;
}
