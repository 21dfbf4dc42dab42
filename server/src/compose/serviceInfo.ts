import { isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import { effectivePairs, keyText, resolveAlias, resolvedMap, type ComposeModel } from './model';

/**
 * What a service says about itself, read from the file (anchors and `<<` merges followed): what
 * hover on a service name shows, and what rules and completion need to know about it.
 */
export interface ServiceInfo {
  image?: string;
  build?: { context?: string; dockerfile?: string; target?: string };
  ports: string[];
  dependsOn: { name: string; condition?: string }[];
  hasHealthcheck: boolean;
  profiles: string[];
}

/** A scalar read as text (numbers too); undefined for anything else. */
export function scalarText(model: ComposeModel, node: unknown): string | undefined {
  const value = resolveAlias(model, node);
  if (!isScalar(value) || value.value === null || value.value === undefined) return undefined;
  return String(value.value);
}

function valueOfKey(model: ComposeModel, map: YAMLMap | undefined, key: string): unknown {
  const pair = effectivePairs(model, map).find((candidate) => keyText(candidate) === key);
  return pair ? resolveAlias(model, pair.value) : undefined;
}

/** The texts of a sequence's scalar items (`[a, b]`), or of a single scalar. */
export function stringList(model: ComposeModel, node: unknown): string[] {
  const value = resolveAlias(model, node);
  if (isSeq(value)) return value.items.map((item) => scalarText(model, item)).filter((text): text is string => text !== undefined);
  const single = scalarText(model, value);
  return single === undefined ? [] : [single];
}

/** A `ports` entry as one line: the short form as written, the long form as `published:target/protocol`. */
function portText(model: ComposeModel, item: unknown): string | undefined {
  const value = resolveAlias(model, item);
  const short = scalarText(model, value);
  if (short !== undefined) return short;
  if (!isMap(value)) return undefined;
  const target = scalarText(model, valueOfKey(model, value, 'target'));
  const published = scalarText(model, valueOfKey(model, value, 'published'));
  const protocol = scalarText(model, valueOfKey(model, value, 'protocol'));
  if (target === undefined) return undefined;
  return `${published !== undefined ? `${published}:` : ''}${target}${protocol && protocol !== 'tcp' ? `/${protocol}` : ''}`;
}

export function serviceInfo(model: ComposeModel, service: YAMLMap | undefined): ServiceInfo {
  const info: ServiceInfo = { ports: [], dependsOn: [], hasHealthcheck: false, profiles: [] };
  if (!service) return info;
  info.image = scalarText(model, valueOfKey(model, service, 'image'));
  const build = valueOfKey(model, service, 'build');
  if (isScalar(build)) info.build = { context: scalarText(model, build) };
  else if (isMap(build)) {
    info.build = {
      context: scalarText(model, valueOfKey(model, build, 'context')),
      dockerfile: scalarText(model, valueOfKey(model, build, 'dockerfile')),
      target: scalarText(model, valueOfKey(model, build, 'target')),
    };
  }
  const ports = valueOfKey(model, service, 'ports');
  if (isSeq(ports)) info.ports = ports.items.map((item) => portText(model, item)).filter((text): text is string => text !== undefined);
  const dependsOn = valueOfKey(model, service, 'depends_on');
  if (isSeq(dependsOn)) info.dependsOn = stringList(model, dependsOn).map((name) => ({ name }));
  else if (isMap(dependsOn)) {
    for (const pair of effectivePairs(model, dependsOn)) {
      const name = keyText(pair);
      if (name === undefined) continue;
      info.dependsOn.push({ name, condition: scalarText(model, valueOfKey(model, resolvedMap(model, pair.value), 'condition')) });
    }
  }
  const healthcheck = resolvedMap(model, valueOfKey(model, service, 'healthcheck'));
  const disabled = healthcheck && (scalarText(model, valueOfKey(model, healthcheck, 'disable')) === 'true'
    || stringList(model, valueOfKey(model, healthcheck, 'test'))[0]?.toUpperCase() === 'NONE');
  info.hasHealthcheck = !!healthcheck && !disabled && valueOfKey(model, healthcheck, 'test') !== undefined;
  info.profiles = stringList(model, valueOfKey(model, service, 'profiles'));
  return info;
}
