import { isAlias, isMap, isPair, isScalar, isSeq, type Node, type Pair, type Scalar } from 'yaml';
import { closest } from '../common/didYouMean';
import type { Localized } from '../common/localized';
import { codeSpan } from '../common/plainText';
import type { PathSegment } from '../common/yamlCursor';
import { valueTables } from './docs';
import { isMergeKey, keyText, type ComposeModel } from './model';
import { isExtensionKey, rootNodeId, schemaNode, type JsonType, type SchemaNode } from './schema';

/**
 * One walk of the file against the Compose schema, shared by the schema rules (each reports its
 * own kind of problem). Values that interpolate variables (`${PORT}`) are not judged: their value
 * is known only when Compose runs. Aliases (`*anchor`), merge keys (`<<`) and Compose's `!reset` /
 * `!override` tags are accepted as written; the extension fields (`x-…`) are free-form.
 */

export type SchemaProblemKind = 'unknown-key' | 'type' | 'value' | 'required' | 'deprecated' | 'duration' | 'bytes' | 'port';

export interface SchemaProblem {
  kind: SchemaProblemKind;
  node: Node;
  path: PathSegment[];
  message: Localized;
  /** unknown-key: the key it probably meant. */
  suggestion?: string;
}

const cache = new WeakMap<ComposeModel, SchemaProblem[]>();

export function schemaProblems(model: ComposeModel): SchemaProblem[] {
  let found = cache.get(model);
  if (!found) {
    found = [];
    const contents = model.yaml.contents as Node | null;
    if (contents) walk(contents, rootNodeId, [], found);
    cache.set(model, found);
  }
  return found;
}

const shown = (path: readonly PathSegment[]) => path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : segment)).join('.').replace(/\.\[/g, '[');

/** Written with `${…}` or `$VAR`: known only once Compose interpolates it. */
export function isInterpolated(value: unknown): boolean {
  return typeof value === 'string' && value.includes('$') && /\$(?:\{|[A-Za-z_])/.test(value.replace(/\$\$/g, ''));
}

function jsonTypeOf(node: Node): JsonType | undefined {
  if (isMap(node)) return 'object';
  if (isSeq(node)) return 'array';
  if (!isScalar(node)) return undefined;
  const value = node.value;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number' || typeof value === 'bigint') return Number.isInteger(Number(value)) ? 'integer' : 'number';
  return 'string';
}

/** Whether a value of type `actual` fits `allowed`. Numbers pass where text is allowed (`tag: 1.0`). */
function typeFits(actual: JsonType, allowed: readonly JsonType[]): boolean {
  if (allowed.includes(actual)) return true;
  if (actual === 'integer' && allowed.includes('number')) return true;
  if ((actual === 'integer' || actual === 'number') && allowed.includes('string')) return true;
  return false;
}

const typeWords: Record<JsonType, Localized> = {
  string: { en: 'a string', zh: '字符串' },
  number: { en: 'a number', zh: '数字' },
  integer: { en: 'an integer', zh: '整数' },
  boolean: { en: 'true or false', zh: 'true 或 false' },
  null: { en: 'empty', zh: '空值' },
  object: { en: 'a mapping', zh: '映射' },
  array: { en: 'a list', zh: '列表' },
};

function typeList(types: readonly JsonType[]): Localized {
  const shownTypes = types.filter((type) => type !== 'null' || types.length === 1);
  return {
    en: shownTypes.map((type) => typeWords[type].en).join(' or '),
    zh: shownTypes.map((type) => typeWords[type].zh).join('或'),
  };
}

/*
 * `path` is one array for the whole walk, pushed and popped as the walk goes down and back up (a
 * new array per key and item was most of what a check of a large file allocated); a problem keeps
 * a copy of it (`at`).
 */
const at = (path: readonly PathSegment[]): PathSegment[] => path.slice();

function walk(node: Node, id: string, path: PathSegment[], out: SchemaProblem[]): void {
  if (isAlias(node)) return;
  const tag = (node as { tag?: string }).tag;
  if (tag === '!reset' || tag === '!override') return;
  const schema = schemaNode(id);
  if (!schema) return;
  const actual = jsonTypeOf(node);
  if (actual === undefined) return;
  if (isScalar(node) && isInterpolated(node.value)) return;
  if (schema.types && !typeFits(actual, schema.types)) {
    const expected = typeList(schema.types);
    if (actual === 'null') {
      out.push({ kind: 'type', node, path: at(path), message: { en: `${codeSpan(shown(path))} has no value; it should be ${expected.en}.`, zh: `${codeSpan(shown(path))} 没有值，应为${expected.zh}。` } });
      return;
    }
    out.push({
      kind: 'type', node, path: at(path),
      message: { en: `${codeSpan(shown(path))} should be ${expected.en}.`, zh: `${codeSpan(shown(path))} 应为${expected.zh}。` },
    });
    return;
  }
  if (isScalar(node)) {
    checkScalar(node, id, schema, path, out);
    return;
  }
  if (isSeq(node)) {
    if (!schema.items) return;
    const items = node.items;
    for (let index = 0; index < items.length; index++) {
      const item = items[index];
      if (!item || isPair(item)) continue;
      path.push(index);
      walk(item as Node, schema.items, path, out);
      path.pop();
    }
    return;
  }
  if (isMap(node)) checkMap(node.items, schema, path, out, node);
}

function checkMap(pairs: Pair[], schema: SchemaNode, path: PathSegment[], out: SchemaProblem[], map: Node): void {
  let merges = false;
  for (const pair of pairs) {
    if (isMergeKey(pair)) {
      merges = true;
      continue;
    }
    const key = keyText(pair);
    if (key === undefined || !isScalar(pair.key)) continue;
    path.push(key);
    checkPair(pair, key, schema, path, out);
    path.pop();
  }
  // Keys brought in by `<<: *anchor` may supply the required ones: only judge maps that merge nothing.
  if (!merges && schema.required) {
    for (const required of schema.required) {
      if (writesKey(pairs, required)) continue;
      out.push({
        kind: 'required', node: firstKeyOf(pairs) ?? map, path: at(path),
        message: { en: `${codeSpan(shown(path))} needs ${codeSpan(required)}.`, zh: `${codeSpan(shown(path))} 缺少必需的 ${codeSpan(required)}。` },
      });
    }
  }
}

/** Whether one of the pairs (merge keys aside) has a scalar key written `name`. */
function writesKey(pairs: readonly Pair[], name: string): boolean {
  for (const pair of pairs) if (!isMergeKey(pair) && isScalar(pair.key) && keyText(pair) === name) return true;
  return false;
}

/** One key of a mapping and its value; `path` ends with the key (the mapping's own path is the rest). */
function checkPair(pair: Pair, key: string, schema: SchemaNode, path: PathSegment[], out: SchemaProblem[]): void {
  const keyNode = pair.key as Scalar;
  const value = pair.value as Node | null;
  const depth = path.length - 1;
  const propId = schema.props?.[key];
  if (propId) {
    const prop = schemaNode(propId);
    // The top-level `version` has a rule of its own (compose-obsolete-version, with a fix).
    if (prop?.deprecated && !(depth === 0 && key === 'version')) {
      out.push({ kind: 'deprecated', node: keyNode, path: at(path), message: { en: `${codeSpan(shown(path))} is deprecated.`, zh: `${codeSpan(shown(path))} 已弃用。` } });
    }
    if (value) walk(value, propId, path, out);
    else if (prop?.types && !prop.types.includes('null')) checkEmpty(keyNode, prop, path, out);
    return;
  }
  if (isExtensionKey(key) && (schema.extensions || !schema.closed)) return;
  if (schema.entries) {
    if (schema.entryPattern && !patternOf(schema.entryPattern).test(key)) {
      out.push({
        kind: 'value', node: keyNode, path: at(path),
        message: { en: `The name ${codeSpan(key)} is not valid here: use letters, digits, \`.\`, \`_\` and \`-\`.`, zh: `名称 ${codeSpan(key)} 在此无效：只能使用字母、数字、\`.\`、\`_\` 和 \`-\`。` },
      });
      return;
    }
    if (value) walk(value, schema.entries, path, out);
    return;
  }
  if (schema.closed) {
    const suggestion = closest(key, Object.keys(schema.props ?? {}), key.length > 5 ? 3 : 2);
    const parent = path.slice(0, depth);
    const where = depth > 0 ? codeSpan(shown(parent)) : undefined;
    out.push({
      kind: 'unknown-key', node: keyNode, path: at(path), suggestion,
      message: {
        en: `Unknown key ${codeSpan(key)}${where ? ` in ${where}` : ' at the top level'}${suggestion ? `; did you mean ${codeSpan(suggestion)}?` : '.'}`,
        zh: `${where ? `${where} 中` : '顶层'}没有 ${codeSpan(key)} 这个键${suggestion ? `；是不是想写 ${codeSpan(suggestion)}？` : '。'}`,
      },
    });
  }
}

/** The schema's patterns, compiled once each (a `new RegExp` per key and value was compiled again after each full collection). */
const patterns = new Map<string, RegExp>();

function patternOf(source: string): RegExp {
  let pattern = patterns.get(source);
  if (!pattern) {
    pattern = new RegExp(source);
    patterns.set(source, pattern);
  }
  return pattern;
}

function firstKeyOf(pairs: Pair[]): Node | undefined {
  const key = pairs[0]?.key;
  return key && typeof key === 'object' ? (key as Node) : undefined;
}

/** `image:` with nothing after it: Compose reads null, which only some keys accept. */
function checkEmpty(keyNode: Scalar, prop: SchemaNode, path: PathSegment[], out: SchemaProblem[]): void {
  const expected = typeList(prop.types ?? []);
  out.push({ kind: 'type', node: keyNode, path: at(path), message: { en: `${codeSpan(shown(path))} has no value; it should be ${expected.en}.`, zh: `${codeSpan(shown(path))} 没有值，应为${expected.zh}。` } });
}

function checkScalar(node: Scalar, id: string, schema: SchemaNode, path: PathSegment[], out: SchemaProblem[]): void {
  const value = node.value;
  if (value === null || value === undefined) return;
  const text = String(value);
  const allowed = schema.enum?.map(String);
  const table = valueTables[id];
  if (allowed && !allowed.includes(text)) {
    out.push(valueProblem(node, path, text, allowed));
    return;
  }
  if (!allowed && table && !table.open && typeof value === 'string') {
    // Closed lists of our value tables (restart, pull_policy, deploy modes…): the spec types them as plain strings.
    const listed = table.values.map((entry) => entry.value);
    if (!listed.includes(text) && !table.pattern?.test(text)) out.push(valueProblem(node, path, text, listed));
  } else if (!allowed && schema.pattern && typeof value === 'string' && !patternOf(schema.pattern).test(text)) {
    out.push(valueProblem(node, path, text, []));
  }
  if (schema.format === 'duration' && typeof value === 'string' && !isDuration(text)) {
    out.push({ kind: 'duration', node, path: at(path), message: { en: `${codeSpan(text)} is not a duration: write a number with a unit, such as \`30s\`, \`1m30s\` or \`500ms\`.`, zh: `${codeSpan(text)} 不是合法的时长：请写数字加单位，例如 \`30s\`、\`1m30s\` 或 \`500ms\`。` } });
  }
  if (schema.format === 'bytes' && typeof value === 'string' && !isByteSize(text)) {
    out.push({ kind: 'bytes', node, path: at(path), message: { en: `${codeSpan(text)} is not a size: write a number of bytes or a number with a unit, such as \`512m\` or \`2g\`.`, zh: `${codeSpan(text)} 不是合法的大小：请写字节数，或数字加单位，例如 \`512m\` 或 \`2g\`。` } });
  }
  const portKind = portField(path);
  if (portKind) {
    const problem = portProblem(text, portKind);
    if (problem) out.push({ kind: 'port', node, path: at(path), message: problem });
  }
}

function valueProblem(node: Scalar, path: PathSegment[], text: string, allowed: readonly string[]): SchemaProblem {
  const suggestion = closest(text, allowed, 2);
  const list = allowed.filter((value) => !value.endsWith(':')).map((value) => codeSpan(value)).join(', ');
  return {
    kind: 'value', node, path: at(path), suggestion,
    message: {
      en: `${codeSpan(text)} is not a valid value for ${codeSpan(shown(path))}${suggestion ? `; did you mean ${codeSpan(suggestion)}?` : list ? `; use one of ${list}.` : '.'}`,
      zh: `${codeSpan(text)} 不是 ${codeSpan(shown(path))} 的有效值${suggestion ? `；是不是想写 ${codeSpan(suggestion)}？` : list ? `；可选值：${list}。` : '。'}`,
    },
  };
}

/** Go durations, as Compose parses them: `1h30m`, `10s`, `500ms`, `1.5s`; a bare `0` too. */
export function isDuration(text: string): boolean {
  return text === '0' || /^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+$/.test(text.trim());
}

/** Docker's sizes: a number of bytes, or with a unit (`b`, `k`, `m`, `g`, `t`, `p`, optionally `i`/`b`). */
export function isByteSize(text: string): boolean {
  return /^\d+(?:\.\d+)?\s?(?:[kmgtp]i?b?|b)?$/i.test(text.trim());
}

type PortField = 'short' | 'expose' | 'number';

/** Which port syntax a scalar at `path` follows, if any. */
function portField(path: readonly PathSegment[]): PortField | undefined {
  if (path[0] !== 'services' || path.length < 4) return undefined;
  if (path.length === 4 && path[2] === 'ports' && typeof path[3] === 'number') return 'short';
  if (path.length === 4 && path[2] === 'expose' && typeof path[3] === 'number') return 'expose';
  if (path.length === 5 && path[2] === 'ports' && (path[4] === 'target' || path[4] === 'published')) return 'number';
  return undefined;
}

const portPattern = /^(?:(?:(\[[0-9a-fA-F:.]+\]|\d{1,3}(?:\.\d{1,3}){3}):)?(\d*(?:-\d+)?):)?(\d+(?:-\d+)?)(?:\/(tcp|udp|sctp))?$/;

export interface PortMapping {
  hostIp?: string;
  /** Host ports (a range expanded, at most 1000), empty when the engine picks. */
  published: number[];
  target: [number, number];
  protocol: string;
}

/** Parses a short `ports` entry (`127.0.0.1:8080-8081:80-81/udp`); undefined when it is not one. */
export function parsePort(text: string): PortMapping | undefined {
  const match = portPattern.exec(text.trim());
  if (!match) return undefined;
  const range = (part: string): [number, number] => {
    const [from, to] = part.split('-').map(Number);
    return [from!, to ?? from!];
  };
  const target = range(match[3]!);
  const hostPart = match[2] ?? '';
  let published: number[] = [];
  if (hostPart !== '') {
    const [from, to] = range(hostPart);
    published = Array.from({ length: Math.max(0, Math.min(to - from + 1, 1000)) }, (_, i) => from + i);
  }
  return { hostIp: match[1]?.replace(/^\[|\]$/g, ''), published, target, protocol: match[4] ?? 'tcp' };
}

function portProblem(text: string, kind: PortField): Localized | undefined {
  if (kind === 'number') {
    if (!/^\d+(?:-\d+)?$/.test(text)) return { en: `${codeSpan(text)} is not a port or a port range.`, zh: `${codeSpan(text)} 不是端口或端口范围。` };
    return rangeProblem(text);
  }
  if (kind === 'expose') {
    if (!/^\d+(?:-\d+)?(?:\/(?:tcp|udp|sctp))?$/.test(text)) {
      return { en: `${codeSpan(text)} is not an exposed port: write a port, a range or a port with its protocol, such as \`80\`, \`8000-8010\` or \`53/udp\`.`, zh: `${codeSpan(text)} 不是合法的 expose 端口：请写端口、端口范围或带协议的端口，例如 \`80\`、\`8000-8010\` 或 \`53/udp\`。` };
    }
    return rangeProblem(text.split('/')[0]!);
  }
  const parsed = parsePort(text);
  if (!parsed) {
    return { en: `${codeSpan(text)} is not a port mapping: write \`CONTAINER\`, \`HOST:CONTAINER\` or \`IP:HOST:CONTAINER\`, with an optional \`/udp\`.`, zh: `${codeSpan(text)} 不是合法的端口映射：请写 \`CONTAINER\`、\`HOST:CONTAINER\` 或 \`IP:HOST:CONTAINER\`，可追加 \`/udp\`。` };
  }
  const hostPart = /(?:^|:)(\d+(?:-\d+)?):\d+(?:-\d+)?(?:\/\w+)?$/.exec(text)?.[1];
  const problem = rangeProblem(parsed.target.join('-')) ?? (hostPart ? rangeProblem(hostPart) : undefined);
  if (problem) return problem;
  if (hostPart && hostPart.includes('-') && parsed.target[0] !== parsed.target[1]) {
    const [from, to] = hostPart.split('-').map(Number);
    if (to! - from! !== parsed.target[1] - parsed.target[0]) return { en: `The host range and the container range of ${codeSpan(text)} differ in size.`, zh: `${codeSpan(text)} 中主机端口范围与容器端口范围的大小不一致。` };
  }
  return undefined;
}

function rangeProblem(text: string): Localized | undefined {
  const [from, to] = text.split('-').map(Number);
  const high = to ?? from!;
  if (from! < 1 || from! > 65535 || high > 65535) return { en: `Port ${codeSpan(text)} is out of range: ports go from 1 to 65535.`, zh: `端口 ${codeSpan(text)} 超出范围：端口应在 1 到 65535 之间。` };
  if (high < from!) return { en: `The port range ${codeSpan(text)} runs backwards.`, zh: `端口范围 ${codeSpan(text)} 的起止顺序颠倒了。` };
  return undefined;
}
