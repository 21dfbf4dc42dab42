import { isMap, isScalar, isSeq } from 'yaml';
import {
  CompletionItemKind, CompletionItemTag, InsertTextFormat, InsertTextMode, MarkupKind,
  type CompletionItem, type CompletionList, type Position, type Range,
} from 'vscode-languageserver-types';
import { pick, type DocsLanguage } from '../common/localized';
import type { FeatureContext } from '../common/service';
import { workspaceImages } from '../common/workspaceImages';
import type { PathSegment } from '../common/yamlCursor';
import { audienceNotes, keyDoc, valueTables } from './docs';
import { dockerfileStages } from './dockerfileText';
import { cursorAt, effectivePairs, entriesOf, keyText, resolvedMap, servicesOf, type ComposeCursor, type ComposeModel } from './model';
import { isLocalPath, resolvePath } from './project';
import { lookupPath, schemaNode, type SchemaNode } from './schema';
import { serviceInfo, stringList } from './serviceInfo';
import { snippetItems } from './snippets';

/**
 * Completion in Compose files: keys valid at the cursor (required and common ones first), values
 * of keys with known values, and names declared elsewhere in the file (services in `depends_on`,
 * networks, volumes, configs and secrets in a service), images known in the file and the workspace
 * for `image:`, and the stages of the service's Dockerfile for `build.target`. Works on YAML being typed: the cursor's
 * place comes from the lines (common/yamlCursor.ts), names from what the parser could read.
 */

const triggerSuggest = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

/** Keys most files use, per mapping: listed first, in this order. */
const commonKeys: Record<string, readonly string[]> = {
  compose: ['services', 'networks', 'volumes', 'secrets', 'configs', 'name', 'include'],
  service: ['image', 'build', 'ports', 'environment', 'volumes', 'depends_on', 'restart', 'command', 'env_file', 'networks', 'healthcheck', 'deploy', 'container_name', 'profiles'],
  'service.build': ['context', 'dockerfile', 'target', 'args'],
  healthcheck: ['test', 'interval', 'timeout', 'retries', 'start_period'],
  deploy: ['replicas', 'resources', 'restart_policy', 'update_config', 'placement'],
  network: ['driver', 'external', 'name'],
  volume: ['driver', 'external', 'name'],
  secret: ['file', 'environment', 'external'],
  config: ['file', 'content', 'external'],
};

/** Sequences (and maps) whose entries name something declared in the file. */
type NameSource = 'services' | 'networks' | 'volumes' | 'secrets' | 'configs' | 'profiles';
const nameLists: { match: (path: readonly PathSegment[]) => boolean; source: NameSource }[] = [
  { match: (p) => isServiceKey(p, 'depends_on') || isServiceKey(p, 'links') || isServiceKey(p, 'volumes_from'), source: 'services' },
  { match: (p) => isServiceKey(p, 'networks'), source: 'networks' },
  { match: (p) => isServiceKey(p, 'secrets') || isServiceBuildKey(p, 'secrets'), source: 'secrets' },
  { match: (p) => isServiceKey(p, 'configs'), source: 'configs' },
  { match: (p) => isServiceKey(p, 'volumes'), source: 'volumes' },
  { match: (p) => isServiceKey(p, 'profiles'), source: 'profiles' },
];

function isServiceKey(path: readonly PathSegment[], key: string): boolean {
  return path.length === 3 && path[0] === 'services' && path[2] === key;
}

function isServiceBuildKey(path: readonly PathSegment[], key: string): boolean {
  return path.length === 4 && path[0] === 'services' && path[2] === 'build' && path[3] === key;
}

export function completeCompose(model: ComposeModel, position: Position, ctx: FeatureContext): CompletionList | null {
  const cursor = cursorAt(model, position);
  const items: CompletionItem[] = [];
  items.push(...snippetItems(model, cursor, position, ctx));
  if (cursor && !cursor.inBlockScalar && !cursor.beforeContent) {
    const range: Range = { start: model.document.positionAt(cursor.replace.start), end: model.document.positionAt(cursor.replace.end) };
    const found = cursor.target === 'value' ? valueItems(model, cursor, ctx, range)
      : cursor.target === 'key' ? keyItems(model, cursor, cursor.parent, ctx, range)
        : itemItems(model, cursor, ctx, range);
    // Completion triggered by typing `:` or `-` itself: the value needs its separating space.
    const before = cursor.replace.start > 0 ? model.text.charAt(cursor.replace.start - 1) : '';
    if (!cursor.inFlow && (before === ':' || before === '-')) {
      for (const item of found) if (item.textEdit && 'range' in item.textEdit) item.textEdit.newText = ` ${item.textEdit.newText}`;
    }
    items.push(...found);
  }
  return items.length > 0 ? { isIncomplete: false, items } : null;
}

// ---------------------------------------------------------------- keys

function keyItems(model: ComposeModel, cursor: ComposeCursor, parent: readonly PathSegment[], ctx: FeatureContext, range: Range): CompletionItem[] {
  // Map-form entries that name something: `depends_on:` then `db:`, service `networks:` then `backend:`.
  const names = namesFor(model, parent);
  if (names) return names.filter((name) => !presentKeys(model, parent).has(name) || name === cursor.key).map((name, i) => nameItem(name, range, i, cursor.hasColon ? name : `${name}:`, names.kind));
  const lookup = lookupPath(parent);
  if (lookup.free || !lookup.id) return [];
  const node = schemaNode(lookup.id);
  if (!node?.props) return [];
  const present = presentKeys(model, parent);
  const ownerId = node.use ?? lookup.id;
  const common = commonKeys[ownerId] ?? [];
  const required = new Set(node.required ?? []);
  const items: CompletionItem[] = [];
  for (const [key, id] of Object.entries(node.props)) {
    if (present.has(key) && key !== cursor.key) continue;
    const child = schemaNode(id);
    const rank = required.has(key) ? 0 : common.includes(key) ? 1 : child?.deprecated ? 3 : 2;
    const order = rank === 1 ? String(common.indexOf(key)).padStart(2, '0') : '';
    items.push(keyItem(key, id, child, cursor, ctx.lang, range, `${rank}${order}${key}`, required.has(key)));
  }
  return items;
}

function keyItem(key: string, id: string, node: SchemaNode | undefined, cursor: ComposeCursor, lang: DocsLanguage, range: Range, sortText: string, required: boolean): CompletionItem {
  const doc = keyDoc(id);
  const item: CompletionItem = {
    label: key,
    kind: CompletionItemKind.Property,
    sortText,
    filterText: key,
    detail: `${(node?.types ?? []).join(' | ')}${required ? (lang === 'zh-cn' ? ' · 必填' : ' · required') : ''}`,
    tags: node?.deprecated ? [CompletionItemTag.Deprecated] : undefined,
  };
  if (doc) {
    const note = doc.audience ? `\n\n${pick(audienceNotes[doc.audience], lang)}` : '';
    item.documentation = { kind: MarkupKind.Markdown, value: `${pick(doc, lang)}${note}` };
  }
  if (cursor.hasColon || cursor.inFlow) {
    item.textEdit = { range, newText: cursor.hasColon ? key : `${key}: ` };
    return item;
  }
  const types = node?.types ?? [];
  const child = ' '.repeat(cursor.indent + 2);
  const onlyStructured = types.length > 0 && types.every((type) => type === 'object' || type === 'array' || type === 'null');
  if (onlyStructured && types.includes('array') && !types.includes('object')) {
    item.textEdit = { range, newText: `${key}:\n${child}- $0` };
    item.insertTextFormat = InsertTextFormat.Snippet;
    item.insertTextMode = InsertTextMode.asIs;
  } else if (onlyStructured) {
    item.textEdit = { range, newText: `${key}:\n${child}$0` };
    item.insertTextFormat = InsertTextFormat.Snippet;
    item.insertTextMode = InsertTextMode.asIs;
  } else {
    item.textEdit = { range, newText: `${key}: ` };
    if (valueTables[id] || node?.enum || types.includes('boolean')) item.command = triggerSuggest;
  }
  return item;
}

/** The keys already written in the mapping at `path` (read from the AST, so they are the complete ones). */
function presentKeys(model: ComposeModel, path: readonly PathSegment[]): Set<string> {
  let node: unknown = model.yaml.contents;
  for (const segment of path) {
    if (typeof segment === 'number') node = isSeq(node) ? node.items[segment] : undefined;
    else node = isMap(node) ? node.get(segment, true) : undefined;
  }
  const keys = new Set<string>();
  if (isMap(node)) for (const pair of node.items) if (isScalar(pair.key)) keys.add(String(pair.key.value));
  return keys;
}

// ---------------------------------------------------------------- values

function valueItems(model: ComposeModel, cursor: ComposeCursor, ctx: FeatureContext, range: Range): CompletionItem[] {
  const { path } = cursor;
  // `extends: web` (short form) and `extends.service`: another service of the file.
  if (path[0] === 'services' && path.length === 3 && path[2] === 'extends') return serviceNames(model, path).map((name, i) => nameItem(name, range, i, name, 'services'));
  if (path[0] === 'services' && path.length === 4 && path[2] === 'extends' && path[3] === 'service') return serviceNames(model, path).map((name, i) => nameItem(name, range, i, name, 'services'));
  if (path[0] === 'services' && path.length === 3 && path[2] === 'image') return imageItems(model, path, ctx, range);
  if (path[0] === 'services' && path.length === 4 && path[2] === 'build' && path[3] === 'target') return stageItems(model, path, ctx, range);
  // A map-form entry written as `key: value` (`networks: {backend: }`) has no value to offer.
  const lookup = lookupPath(path);
  if (lookup.free || !lookup.id) return [];
  const id = lookup.id;
  const node = schemaNode(id);
  const items: CompletionItem[] = [];
  const table = valueTables[id];
  if (table) {
    table.values.forEach((value, i) => {
      items.push({
        label: value.value,
        kind: CompletionItemKind.EnumMember,
        sortText: String(i).padStart(2, '0'),
        detail: pick(value, ctx.lang),
        documentation: { kind: MarkupKind.Markdown, value: pick(value, ctx.lang) },
        textEdit: { range, newText: value.value },
        command: value.value.endsWith(':') ? triggerSuggest : undefined,
      });
    });
    if (id === 'service.network_mode') {
      serviceNames(model, path).forEach((name, i) => items.push(nameItem(`service:${name}`, range, 50 + i, `service:${name}`, 'services')));
    }
  } else if (node?.enum) {
    node.enum.forEach((value, i) => items.push({ label: String(value), kind: CompletionItemKind.EnumMember, sortText: String(i).padStart(2, '0'), textEdit: { range, newText: String(value) } }));
  } else if (node?.types?.includes('boolean')) {
    ['true', 'false'].forEach((value, i) => items.push({ label: value, kind: CompletionItemKind.Value, sortText: String(i), textEdit: { range, newText: value } }));
  }
  return items;
}

// ---------------------------------------------------------------- sequence items

function itemItems(model: ComposeModel, cursor: ComposeCursor, ctx: FeatureContext, range: Range): CompletionItem[] {
  const listPath = cursor.parent;
  const names = namesFor(model, listPath);
  if (names) {
    const written = new Set(stringList(model, valueAt(model, listPath)).map((entry) => entry.split(':')[0]!));
    const text = model.text.slice(cursor.replace.start, cursor.replace.end).trim();
    return names.filter((name) => !written.has(name) || name === text).map((name, i) => nameItem(name, range, i, names.kind === 'volumes' ? `${name}:` : name, names.kind));
  }
  // Items that are mappings (`ports` long form, `develop.watch`): their keys, like a key position.
  const lookup = lookupPath(cursor.path);
  const node = lookup.id ? schemaNode(lookup.id) : undefined;
  if (node?.props) return keyItems(model, { ...cursor, target: 'key', hasColon: false }, cursor.path, ctx, range);
  return [];
}

/** The names a key or list entry can take at `path`, or undefined when the position takes no names. */
function namesFor(model: ComposeModel, path: readonly PathSegment[]): (string[] & { kind: NameSource }) | undefined {
  const rule = nameLists.find((candidate) => candidate.match(path));
  if (!rule) return undefined;
  let names: string[];
  if (rule.source === 'services') names = serviceNames(model, path);
  else if (rule.source === 'profiles') names = [...new Set(servicesOf(model).flatMap((entry) => serviceInfo(model, entry.value).profiles))];
  else names = entriesOf(model, rule.source).map((entry) => entry.name);
  return Object.assign(names, { kind: rule.source });
}

/** The file's services, without the one being edited (a service never depends on itself). */
function serviceNames(model: ComposeModel, path: readonly PathSegment[]): string[] {
  const self = path[0] === 'services' ? path[1] : undefined;
  return servicesOf(model).map((entry) => entry.name).filter((name) => name !== self);
}

function nameItem(name: string, range: Range, index: number, newText: string, source: NameSource): CompletionItem {
  return {
    label: name,
    kind: source === 'services' ? CompletionItemKind.Module : source === 'profiles' ? CompletionItemKind.Value : CompletionItemKind.Reference,
    sortText: String(index).padStart(3, '0'),
    filterText: name,
    textEdit: { range, newText },
  };
}

function valueAt(model: ComposeModel, path: readonly PathSegment[]): unknown {
  let node: unknown = model.yaml.contents;
  for (const segment of path) {
    if (typeof segment === 'number') node = isSeq(node) ? node.items[segment] : undefined;
    else node = isMap(node) ? node.get(segment, true) : undefined;
  }
  return node;
}

// ---------------------------------------------------------------- images and build stages

/** `image:` values: the file's other services' images first, then the workspace's (manifests, Dockerfile base images). */
function imageItems(model: ComposeModel, path: readonly PathSegment[], ctx: FeatureContext, range: Range): CompletionItem[] {
  const self = path[1];
  const images = new Set<string>();
  for (const entry of servicesOf(model)) {
    if (entry.name === self) continue;
    const image = serviceInfo(model, entry.value).image;
    if (image && !/\s/.test(image)) images.add(image);
  }
  const local = images.size;
  try {
    for (const image of workspaceImages(ctx.workspace)) {
      if (images.size >= 500) break;
      if (typeof image === 'string' && image) images.add(image);
    }
  } catch {
    // A workspace index in a bad state must not break completion.
  }
  return [...images].map((image, i) => ({
    label: image,
    kind: CompletionItemKind.Reference,
    sortText: String(i).padStart(4, '0'),
    detail: i < local ? (ctx.lang === 'zh-cn' ? '本文件中的镜像' : 'image in this file') : (ctx.lang === 'zh-cn' ? '工作区中的镜像' : 'image in the workspace'),
    textEdit: { range, newText: image },
  }));
}

/**
 * `build.target` values: the named stages of the service's Dockerfile (`dockerfile_inline`, or the
 * file under the build context, read through the front's reader). Remote contexts and paths from
 * variables are left alone: nothing is offered rather than a guess.
 */
function stageItems(model: ComposeModel, path: readonly PathSegment[], ctx: FeatureContext, range: Range): CompletionItem[] {
  const text = dockerfileTextOf(model, String(path[1]), ctx);
  if (text === undefined) return [];
  return dockerfileStages(text).flatMap((stage, index) => stage.name ? [{ stage, index }] : []).map(({ stage, index }, i) => ({
    label: stage.name!,
    kind: CompletionItemKind.EnumMember,
    sortText: String(i).padStart(3, '0'),
    detail: ctx.lang === 'zh-cn' ? `第 ${index + 1} 个阶段 · FROM ${stage.base}` : `stage ${index + 1} · FROM ${stage.base}`,
    textEdit: { range, newText: stage.name! },
  }));
}

function dockerfileTextOf(model: ComposeModel, serviceName: string, ctx: FeatureContext): string | undefined {
  const service = servicesOf(model).find((entry) => entry.name === serviceName)?.value;
  const buildPair = effectivePairs(model, service).find((pair) => keyText(pair) === 'build');
  if (!buildPair) return undefined;
  const build = resolvedMap(model, buildPair.value);
  if (build) {
    const inline = effectivePairs(model, build).find((pair) => keyText(pair) === 'dockerfile_inline');
    if (inline) return isScalar(inline.value) ? String(inline.value.value ?? '') : undefined;
  }
  const info = serviceInfo(model, service).build;
  const files = ctx.project?.files;
  if (!files || !ctx.filePath || !info) return undefined;
  const contextText = info.context ?? '.';
  const dockerfileText = info.dockerfile ?? 'Dockerfile';
  if (!isLocalPath(contextText) || contextText.includes('$') || dockerfileText.includes('$')) return undefined;
  const context = resolvePath(dirOf(ctx.filePath), contextText);
  return files.readText(resolvePath(context, dockerfileText));
}

function dirOf(filePath: string): string {
  const cut = Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\'));
  return cut > 0 ? filePath.slice(0, cut) : cut === 0 ? filePath.slice(0, 1) : '.';
}
