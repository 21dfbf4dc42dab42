import { isScalar, type Scalar } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import { fileRoot, rangeIn, textOf, type ComposeSource, type Merged, type MergedMap } from './merge';

/**
 * Which names a Compose file declares (`services`, `networks`, `volumes`, `configs`, `secrets` at
 * the top level) and where it refers to them: `depends_on`, `links`, `extends.service`,
 * `network_mode`/`pid`/`ipc: service:x`, `volumes_from`, `build.additional_contexts: service:x`;
 * a service's `networks`; named volumes in `volumes` (short `name:/path` and long `source`);
 * `configs` and `secrets` of a service and of its `build`. Each item has the exact range of the
 * name inside its file (`db` in `"db:/data"`), so navigation, rename and rules point at it.
 *
 * Values written with `${…}` are not names yet (they depend on the environment): they are left
 * out (`hasVariables` marks a reference that was skipped for that reason).
 */

export type Section = 'services' | 'networks' | 'volumes' | 'configs' | 'secrets';
export const sections: readonly Section[] = ['services', 'networks', 'volumes', 'configs', 'secrets'];

export type ReferenceKind =
  | 'depends_on' | 'links' | 'extends' | 'network_mode' | 'pid' | 'ipc' | 'volumes_from' | 'additional_contexts'
  | 'service-networks' | 'service-volumes' | 'service-configs' | 'service-secrets' | 'build-secrets';

export interface NameSite {
  section: Section;
  name: string;
  source: ComposeSource;
  /** Offsets of the name in the source text. */
  start: number;
  end: number;
}

export interface Declaration extends NameSite {
  keyNode: Scalar;
  /** The declaration's settings (`external: true`, `file:`…), merged view of this file only. */
  value?: Merged;
}

export interface Reference extends NameSite {
  kind: ReferenceKind;
  /** The service whose settings hold the reference. */
  service: string;
  /** The whole scalar (for messages and fixes). */
  node: Scalar;
  /** `depends_on` long form `required: false`: a missing service is tolerated. */
  optional?: boolean;
}

export interface FileNames {
  source: ComposeSource;
  declarations: Declaration[];
  references: Reference[];
}

/** The name's offsets inside a scalar: `part` found where it is written (quotes, spaces). */
function partOffsets(source: ComposeSource, node: Scalar, part: string, from = 0): { start: number; end: number } | undefined {
  const range = node.range;
  if (!range) return undefined;
  const raw = source.text.slice(range[0], range[1]);
  const index = raw.indexOf(part, Math.min(from, raw.length));
  if (index < 0) return undefined;
  return { start: range[0] + index, end: range[0] + index + part.length };
}

/** A scalar's text when it names something literally (no variables, not empty). */
function literal(node: Merged | undefined): string | undefined {
  const text = textOf(node);
  if (text === undefined || text === '' || text.includes('$')) return undefined;
  return text;
}

/** Short volume syntax: the source is a named volume unless it is a path (`.`, `/`, `~`, `C:\`). */
export function namedVolumeOf(short: string): string | undefined {
  const colon = short.indexOf(':');
  if (colon <= 0) return undefined;
  const source = short.slice(0, colon);
  if (/^[./~\\]/.test(source) || /^[A-Za-z]$/.test(source)) return undefined;
  return source;
}

/** `service:name` (network_mode, pid, ipc, additional contexts). */
function serviceReferenceIn(text: string): string | undefined {
  return text.startsWith('service:') && text.length > 'service:'.length ? text.slice('service:'.length) : undefined;
}

const namesCache = new WeakMap<ComposeSource, FileNames>();

/** Every declaration and reference written in one file (worked out once per parsed source). */
export function namesInFile(source: ComposeSource): FileNames {
  let names = namesCache.get(source);
  if (!names) {
    names = collectNames(source);
    namesCache.set(source, names);
  }
  return names;
}

function collectNames(source: ComposeSource): FileNames {
  const root = fileRoot(source);
  const out: FileNames = { source, declarations: [], references: [] };
  for (const section of sections) {
    const map = root.entries.get(section)?.value;
    if (map?.kind !== 'map') continue;
    for (const [name, entry] of map.entries) {
      // A declaration inherited through `<<` is written elsewhere (its anchor): only own keys count.
      if (entry.keySource !== source || !isScalar(entry.keyNode) || !entry.keyNode.range) continue;
      if (!isOwnKey(map, entry.keyNode)) continue;
      const offsets = partOffsets(source, entry.keyNode, name) ?? { start: entry.keyNode.range[0], end: entry.keyNode.range[1] };
      out.declarations.push({ section, name, source, ...offsets, keyNode: entry.keyNode, value: entry.value });
    }
  }
  const services = root.entries.get('services')?.value;
  if (services?.kind === 'map') {
    for (const [service, entry] of services.entries) {
      if (entry.value?.kind === 'map') collectServiceReferences(source, service, entry.value, out.references);
    }
  }
  return out;
}

function isOwnKey(map: MergedMap, key: Scalar): boolean {
  const node = map.node as { items?: { key: unknown }[] };
  return Array.isArray(node.items) && node.items.some((pair) => pair.key === key);
}

function collectServiceReferences(source: ComposeSource, service: string, settings: MergedMap, into: Reference[]): void {
  const seen = new Set<Scalar>();
  const add = (section: Section, kind: ReferenceKind, node: Merged | undefined, name: string | undefined, extra: Partial<Reference> = {}, from = 0) => {
    if (!name || node?.kind !== 'scalar' || node.source !== source) return;
    const offsets = partOffsets(source, node.node, name, from);
    if (!offsets) return;
    // A `<<` shared block is read once per service using it: keep the first only per node and name.
    if (seen.has(node.node) && into.some((ref) => ref.node === node.node && ref.kind === kind && ref.start === offsets.start)) return;
    seen.add(node.node);
    into.push({ section, name, source, ...offsets, kind, service, node: node.node, ...extra });
  };
  const keysOrItems = (value: Merged | undefined, each: (name: string, node: Merged, settings?: Merged) => void) => {
    if (value?.kind === 'seq') for (const item of value.items) {
      const name = literal(item);
      if (name) each(name, item);
    } else if (value?.kind === 'map') for (const [name, entry] of value.entries) {
      if (entry.keySource === source && !name.includes('$')) each(name, { kind: 'scalar', source, node: entry.keyNode, value: name }, entry.value);
    }
  };
  const get = (map: Merged | undefined, key: string) => (map?.kind === 'map' ? map.entries.get(key)?.value : undefined);

  keysOrItems(get(settings, 'depends_on'), (name, node, options) => {
    const required = textOf(get(options, 'required'));
    add('services', 'depends_on', node, name, required === 'false' ? { optional: true } : {});
  });
  const links = get(settings, 'links');
  if (links?.kind === 'seq') for (const item of links.items) {
    const text = literal(item);
    if (text) add('services', 'links', item, text.split(':')[0]);
  }
  const extendsValue = get(settings, 'extends');
  if (extendsValue?.kind === 'scalar') add('services', 'extends', extendsValue, literal(extendsValue));
  else if (extendsValue?.kind === 'map' && get(extendsValue, 'file') === undefined) {
    const target = get(extendsValue, 'service');
    add('services', 'extends', target, literal(target));
  }
  for (const key of ['network_mode', 'pid', 'ipc'] as const) {
    const value = get(settings, key);
    const text = literal(value);
    if (text) add('services', key, value, serviceReferenceIn(text), {}, 'service:'.length);
  }
  const volumesFrom = get(settings, 'volumes_from');
  if (volumesFrom?.kind === 'seq') for (const item of volumesFrom.items) {
    const text = literal(item);
    if (text && !text.startsWith('container:')) add('services', 'volumes_from', item, text.replace(/^service:/, '').split(':')[0]);
  }
  const build = get(settings, 'build');
  const contexts = get(build, 'additional_contexts');
  if (contexts?.kind === 'map') for (const entry of contexts.entries.values()) {
    const text = literal(entry.value);
    if (text) add('services', 'additional_contexts', entry.value, serviceReferenceIn(text), {}, 'service:'.length);
  } else if (contexts?.kind === 'seq') for (const item of contexts.items) {
    const text = literal(item);
    const value = text?.slice(text.indexOf('=') + 1);
    if (value) add('services', 'additional_contexts', item, serviceReferenceIn(value), {}, (text?.indexOf('=') ?? 0) + 1 + 'service:'.length);
  }

  keysOrItems(get(settings, 'networks'), (name, node) => add('networks', 'service-networks', node, name));

  const volumes = get(settings, 'volumes');
  if (volumes?.kind === 'seq') for (const item of volumes.items) {
    if (item.kind === 'scalar') {
      const text = literal(item);
      if (text) add('volumes', 'service-volumes', item, namedVolumeOf(text));
    } else if (item.kind === 'map') {
      const type = textOf(get(item, 'type')) ?? 'volume';
      const sourceNode = get(item, 'source');
      if (type === 'volume') add('volumes', 'service-volumes', sourceNode, literal(sourceNode));
    }
  }
  const mounts = (key: 'configs' | 'secrets', value: Merged | undefined, kind: ReferenceKind) => {
    if (value?.kind !== 'seq') return;
    for (const item of value.items) {
      if (item.kind === 'scalar') add(key, kind, item, literal(item));
      else if (item.kind === 'map') {
        const sourceNode = get(item, 'source');
        add(key, kind, sourceNode, literal(sourceNode));
      }
    }
  };
  mounts('configs', get(settings, 'configs'), 'service-configs');
  mounts('secrets', get(settings, 'secrets'), 'service-secrets');
  mounts('secrets', get(build, 'secrets'), 'build-secrets');
}

/** The LSP range of a name site. */
export function siteRange(site: NameSite): Range {
  return rangeIn(site.source, site.start, site.end);
}

/** Declarations by section and name over several files (first file first). */
export function declaredNames(files: readonly FileNames[]): Map<Section, Map<string, Declaration[]>> {
  const out = new Map<Section, Map<string, Declaration[]>>(sections.map((section) => [section, new Map()]));
  for (const file of files) {
    for (const declaration of file.declarations) {
      const bySection = out.get(declaration.section)!;
      const list = bySection.get(declaration.name) ?? [];
      list.push(declaration);
      bySection.set(declaration.name, list);
    }
  }
  return out;
}

/** The name site (declaration or reference) at an offset of a source. */
export function siteAt(file: FileNames, offset: number): Declaration | Reference | undefined {
  return file.declarations.find((d) => d.start <= offset && offset <= d.end) ?? file.references.find((r) => r.start <= offset && offset <= r.end);
}
