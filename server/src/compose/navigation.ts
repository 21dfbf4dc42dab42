import type { DocumentLink, Hover, Location, Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { pick, type DocsLanguage } from '../common/localized';
import type { FeatureContext, PrepareRenameResult } from '../common/service';
import { parseEnvFile } from './envFile';
import { substitute, variableAt, type VariableUse } from './interpolation';
import { at, rangeIn, textOf, type ComposeSource, type Merged } from './merge';
import { directoryOf } from '../common/paths';
import { composeProjectOf, isLocalPath, readSource, resolvedText, resolvePath, type ComposeProject, type ParsedComposeText } from './project';
import { namesInFile, siteAt, siteRange, type Declaration, type NameSite, type Reference, type Section } from './references';
import { interpolatedScalars } from './rules/referencesVariables';

/**
 * Navigation in a Compose application: definition, references and rename of services, networks,
 * volumes, configs and secrets across the file, its override files and its included files (a
 * rename also rewrites `depends_on`, `links`, `extends`, `service:` modes and `volumes_from`);
 * links from paths to the files they name; the value of a `${VAR}`.
 */

export type NavigationModel = ParsedComposeText & { document: { uri: string; offsetAt(position: Position): number } };

function projectOf(model: NavigationModel, ctx: FeatureContext): ComposeProject {
  return composeProjectOf(model, ctx.filePath, ctx.project?.files);
}

/** A file path as a `file:` URI (Windows drive letters as VS Code writes them). */
export function fileUriOf(path: string): string {
  let normalized = path.replace(/\\/g, '/');
  const drive = /^([A-Za-z]):/.exec(normalized);
  if (drive) normalized = `/${drive[1].toLowerCase()}%3A${normalized.slice(2)}`;
  const encoded = normalized.split('/').map((segment, i) => (drive && i === 1 ? segment : encodeURIComponent(segment))).join('/');
  return `file://${encoded.startsWith('/') ? '' : '/'}${encoded}`;
}

function uriOf(project: ComposeProject, model: NavigationModel, source: ComposeSource): string {
  return source === project.current ? model.document.uri : fileUriOf(source.path);
}

/** Every file of the application: layers, then included files. */
function allSources(project: ComposeProject): ComposeSource[] {
  return [...project.layers, ...project.included.flatMap((app) => app.sources)];
}

function sitesNamed(project: ComposeProject, section: Section, name: string): { declarations: Declaration[]; references: Reference[] } {
  const declarations: Declaration[] = [];
  const references: Reference[] = [];
  for (const source of allSources(project)) {
    const names = namesInFile(source);
    declarations.push(...names.declarations.filter((d) => d.section === section && d.name === name));
    references.push(...names.references.filter((r) => r.section === section && r.name === name));
  }
  return { declarations, references };
}

function siteAtPosition(model: NavigationModel, position: Position, project: ComposeProject): Declaration | Reference | undefined {
  return siteAt(namesInFile(project.current), model.document.offsetAt(position));
}

function location(project: ComposeProject, model: NavigationModel, site: NameSite): Location {
  return { uri: uriOf(project, model, site.source), range: siteRange(site) };
}

const fileStart: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function composeDefinition(model: NavigationModel, position: Position, ctx: FeatureContext): Location[] | null {
  const project = projectOf(model, ctx);
  const site = siteAtPosition(model, position, project);
  if (site) {
    const { declarations } = sitesNamed(project, site.section, site.name);
    return declarations.length > 0 ? declarations.map((d) => location(project, model, d)) : null;
  }
  const offset = model.document.offsetAt(position);
  const variable = variableAtOffset(project, offset);
  if (variable && project.env) {
    const entry = [...project.env.file.entries].reverse().find((e) => e.name === variable.name);
    if (entry) {
      const text = ctx.project?.files?.readText(project.env.path) ?? '';
      const env = parseComposeLines(text);
      return [{ uri: fileUriOf(project.env.path), range: { start: env(entry.nameStart), end: env(entry.nameEnd) } }];
    }
  }
  const extended = extendedServiceAt(project, ctx, offset);
  if (extended) return extended;
  const link = pathLinks(project, ctx).find((candidate) => candidate.start <= offset && offset <= candidate.end);
  return link?.kind === 'file' ? [{ uri: fileUriOf(link.path), range: fileStart }] : null;
}

/** `extends: {file: other.yaml, service: base}`: the cursor on `base` leads to that file's service. */
function extendedServiceAt(project: ComposeProject, ctx: FeatureContext, offset: number): Location[] | undefined {
  const files = ctx.project?.files;
  const services = at(project.root, 'services');
  if (!files || services?.kind !== 'map') return undefined;
  for (const entry of services.entries.values()) {
    const extendsValue = entry.value ? at(entry.value, 'extends') : undefined;
    const serviceNode = at(extendsValue, 'service');
    const fileNode = at(extendsValue, 'file');
    const range = serviceNode?.node.range;
    if (!serviceNode || !fileNode || serviceNode.source !== project.current || !range || offset < range[0] || offset > range[1]) continue;
    const file = resolvedText(textOf(fileNode) ?? '', project.lookup);
    const name = textOf(serviceNode);
    if (!file || !name || !isLocalPath(file)) return undefined;
    const path = resolvePath(fileNode.source.projectDir, file);
    const other = readSource(files, path, directoryOf(path));
    const declaration = other ? namesInFile(other).declarations.find((d) => d.section === 'services' && d.name === name) : undefined;
    return declaration ? [{ uri: fileUriOf(path), range: siteRange(declaration) }] : undefined;
  }
  return undefined;
}

/** Offsets to positions for a text read from disk. */
function parseComposeLines(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
    return { line, character: offset - starts[line] };
  };
}

export function composeReferences(model: NavigationModel, position: Position, includeDeclaration: boolean, ctx: FeatureContext): Location[] {
  const project = projectOf(model, ctx);
  const site = siteAtPosition(model, position, project);
  if (!site) return [];
  const { declarations, references } = sitesNamed(project, site.section, site.name);
  return unique([...(includeDeclaration ? declarations : []), ...references].map((s) => location(project, model, s)));
}

function unique(locations: Location[]): Location[] {
  const seen = new Set<string>();
  return locations.filter((l) => {
    const key = `${l.uri}#${l.range.start.line}:${l.range.start.character}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function composePrepareRename(model: NavigationModel, position: Position, ctx: FeatureContext): PrepareRenameResult {
  const project = projectOf(model, ctx);
  const site = siteAtPosition(model, position, project);
  if (!site) return null;
  return { range: siteRange(site), placeholder: site.name };
}

/** Names Compose accepts for services and top-level resources (a rename to anything else is refused). */
const validName = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

export function composeRename(model: NavigationModel, position: Position, newName: string, ctx: FeatureContext): WorkspaceEdit | null {
  const project = projectOf(model, ctx);
  const site = siteAtPosition(model, position, project);
  if (!site || !validName.test(newName)) return null;
  const { declarations, references } = sitesNamed(project, site.section, site.name);
  const changes: Record<string, TextEdit[]> = {};
  const seen = new Set<string>();
  for (const each of [...declarations, ...references]) {
    const uri = uriOf(project, model, each.source);
    const key = `${uri}#${each.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    (changes[uri] ??= []).push({ range: siteRange(each), newText: newName });
  }
  return { changes };
}

interface PathLink {
  start: number;
  end: number;
  source: ComposeSource;
  path: string;
  kind: 'file' | 'directory';
  what: 'dockerfile' | 'context' | 'env_file' | 'file' | 'include';
}

/** Paths written in the current file that name files or folders of the project (checked through the reader). */
function pathLinks(project: ComposeProject, ctx: FeatureContext): PathLink[] {
  const files = ctx.project?.files;
  if (!files) return [];
  const source = project.current;
  const links: PathLink[] = [];
  const add = (node: Merged | undefined, base: string, what: PathLink['what'], fallbackDockerfile = false) => {
    if (node?.kind !== 'scalar' || node.source !== source || !node.node.range) return;
    const raw = textOf(node);
    const text = raw === undefined ? undefined : resolvedText(raw, project.lookup);
    if (!text || !isLocalPath(text)) return;
    let path = resolvePath(base, text);
    let kind = files.kindOf(path);
    if (kind === 'directory' && fallbackDockerfile) {
      const dockerfile = resolvePath(path, 'Dockerfile');
      if (files.kindOf(dockerfile) === 'file') {
        path = dockerfile;
        kind = 'file';
        what = 'dockerfile';
      }
    }
    if (kind !== 'file' && kind !== 'directory') return;
    links.push({ start: node.node.range[0], end: node.node.range[1], source, path, kind, what });
  };
  const root = project.root;
  const services = at(root, 'services');
  for (const service of services?.kind === 'map' ? services.entries.values() : []) {
    const build = service.value ? at(service.value, 'build') : undefined;
    if (build) {
      const contextNode = build.kind === 'scalar' ? build : at(build, 'context');
      const contextText = contextNode ? resolvedText(textOf(contextNode) ?? '', project.lookup) : '.';
      const base = (contextNode ?? build).source.projectDir;
      const context = contextText !== undefined && isLocalPath(contextText) ? resolvePath(base, contextText) : undefined;
      const dockerfileNode = at(build, 'dockerfile');
      add(contextNode, base, 'context', dockerfileNode === undefined);
      if (context) add(dockerfileNode, context, 'dockerfile');
    }
    const envFile = service.value ? at(service.value, 'env_file') : undefined;
    for (const item of envFile?.kind === 'seq' ? envFile.items : envFile ? [envFile] : []) {
      const node = item.kind === 'map' ? at(item, 'path') : item;
      add(node, node?.source.projectDir ?? source.projectDir, 'env_file');
    }
  }
  for (const section of ['configs', 'secrets'] as const) {
    const map = at(root, section);
    for (const entry of map?.kind === 'map' ? map.entries.values() : []) {
      const node = entry.value ? at(entry.value, 'file') : undefined;
      add(node, node?.source.projectDir ?? source.projectDir, 'file');
    }
  }
  const include = at(root, 'include');
  for (const item of include?.kind === 'seq' ? include.items : []) {
    const node = item.kind === 'map' ? at(item, 'path') : item;
    for (const each of node?.kind === 'seq' ? node.items : node ? [node] : []) add(each, each.source.projectDir, 'include');
  }
  return links;
}

const linkTooltips = {
  dockerfile: { en: 'Open the Dockerfile', zh: '打开 Dockerfile' },
  context: { en: 'Reveal the build context', zh: '显示构建上下文' },
  env_file: { en: 'Open the env file', zh: '打开 env 文件' },
  file: { en: 'Open the file', zh: '打开文件' },
  include: { en: 'Open the included Compose file', zh: '打开被 include 的 Compose 文件' },
};

export function composeLinks(model: NavigationModel, ctx: FeatureContext): DocumentLink[] {
  const project = projectOf(model, ctx);
  return pathLinks(project, ctx)
    .filter((link) => link.kind === 'file')
    .map((link) => ({ range: rangeIn(link.source, link.start, link.end), target: fileUriOf(link.path), tooltip: pick(linkTooltips[link.what], ctx.lang) }));
}

function variableAtOffset(project: ComposeProject, offset: number): VariableUse | undefined {
  for (const { node, scan } of interpolatedScalars(project.current)) {
    const range = node.range;
    if (!range || offset < range[0] || offset > range[1]) continue;
    return variableAt(scan, offset);
  }
  return undefined;
}

const words = {
  fromEnv: { en: 'Value from `{file}`', zh: '来自 `{file}` 的值' },
  default: { en: 'Not set in `.env`: the default applies', zh: '`.env` 中没有设置，使用默认值' },
  unset: { en: 'Not set in `.env` and no default: taken from the shell running `docker compose`, empty if unset there.', zh: '`.env` 中没有设置，也没有默认值：取自运行 `docker compose` 的 shell，那里也没有则为空。' },
  required: { en: 'Required: Compose stops with', zh: '必填：缺少时 Compose 报错并停止：' },
  alternative: { en: 'When set, the value becomes', zh: '设置了时，值变为' },
  envFile: { en: 'In the container, `env_file` `{file}` sets it to', zh: '容器内，`env_file` `{file}` 将它设为' },
  shell: { en: 'A variable set in the shell wins over `.env`.', zh: 'shell 中设置的变量优先于 `.env`。' },
};

function say(text: { en: string; zh: string }, lang: DocsLanguage, file = ''): string {
  return pick(text, lang).replace('{file}', file);
}

const fence = (value: string) => `\`${value.replace(/`/g, "'")}\``;

/** Hover on `${VAR}` / `$VAR`: where its value comes from and what it is. */
export function variableHover(model: NavigationModel, position: Position, ctx: FeatureContext): Hover | null {
  const project = projectOf(model, ctx);
  const offset = model.document.offsetAt(position);
  const use = variableAtOffset(project, offset);
  if (!use || offset < use.nameStart || offset > use.nameEnd) return null;
  const lang = ctx.lang;
  const lines = [`**${use.name}**`];
  const value = project.lookup(use.name);
  const envName = project.env ? project.env.path.replace(/^.*[\\/]/, '') : '.env';
  if (value !== undefined) lines.push(`${say(words.fromEnv, lang, envName)}: ${fence(value)}`);
  if (use.operator && use.argument) {
    const argument = substitute(use.argument.text, project.lookup).value;
    if (use.operator === ':-' || use.operator === '-') {
      if (value === undefined || (use.operator === ':-' && value === '')) lines.push(`${say(words.default, lang)}: ${fence(argument)}`);
    } else if (use.operator === ':?' || use.operator === '?') {
      lines.push(`${say(words.required, lang)} ${fence(argument)}`);
    } else {
      lines.push(`${say(words.alternative, lang)} ${fence(argument)}`);
    }
  } else if (value === undefined) {
    lines.push(say(words.unset, lang));
  }
  const fromEnvFile = envFileValue(project, ctx, offset, use.name);
  if (fromEnvFile) lines.push(`${say(words.envFile, lang, fromEnvFile.file)} ${fence(fromEnvFile.value)}`);
  lines.push(say(words.shell, lang));
  const range = rangeIn(project.current, use.start, use.end);
  return { contents: { kind: 'markdown', value: lines.join('\n\n') }, range };
}

/** The value an `env_file` of the service around `offset` gives the name, if any. */
function envFileValue(project: ComposeProject, ctx: FeatureContext, offset: number, name: string): { file: string; value: string } | undefined {
  const files = ctx.project?.files;
  const services = at(project.root, 'services');
  if (!files || services?.kind !== 'map') return undefined;
  for (const entry of services.entries.values()) {
    const node = entry.value?.node;
    if (entry.value?.source !== project.current || !node?.range || offset < node.range[0] || offset > node.range[1]) continue;
    const envFile = at(entry.value, 'env_file');
    for (const item of envFile?.kind === 'seq' ? envFile.items : envFile ? [envFile] : []) {
      const pathNode = item.kind === 'map' ? at(item, 'path') : item;
      const text = textOf(pathNode);
      if (!text || !pathNode) continue;
      const resolved = resolvedText(text, project.lookup);
      if (!resolved) continue;
      const content = files.readText(resolvePath(pathNode.source.projectDir, resolved));
      const value = content === undefined ? undefined : parseEnvFile(content).values.get(name);
      if (value !== undefined) return { file: resolved, value };
    }
  }
  return undefined;
}
