import { isScalar, isSeq, type YAMLMap } from 'yaml';
import { mapAt, mapItems, seqAt, stringAt, stringMap } from './yamlNodes';

/**
 * A full LabelSelector (`matchLabels` and `matchExpressions`) read from YAML, for the rules that
 * must answer exactly what the API server would (NetworkPolicy peers, ServiceMonitors): an empty
 * selector selects everything, unlike the `{key: value}` shortcut of objects.ts.
 */
export interface FullSelector {
  matchLabels: Record<string, string>;
  expressions: SelectorExpression[];
}

export interface SelectorExpression {
  key: string;
  operator: string;
  values: string[];
}

export function fullSelector(node: YAMLMap | undefined): FullSelector {
  const expressions = mapItems(seqAt(node, 'matchExpressions')).map((item) => {
    const values = seqAt(item, 'values');
    return {
      key: stringAt(item, 'key') ?? '',
      operator: stringAt(item, 'operator') ?? '',
      values: isSeq(values) ? values.items.filter(isScalar).map((v) => String(v.value)) : [],
    };
  });
  return { matchLabels: stringMap(mapAt(node, 'matchLabels')), expressions };
}

export function isEmptySelector(selector: FullSelector): boolean {
  return Object.keys(selector.matchLabels).length === 0 && selector.expressions.length === 0;
}

/** Whether the selector selects these labels; an unknown operator counts as a match (we cannot tell). */
export function fullSelectorMatches(selector: FullSelector, labels: Record<string, string>): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels)) if (labels[key] !== value) return false;
  for (const { key, operator, values } of selector.expressions) {
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    switch (operator) {
      case 'In': if (!has || !values.includes(labels[key])) return false; break;
      case 'NotIn': if (has && values.includes(labels[key])) return false; break;
      case 'Exists': if (!has) return false; break;
      case 'DoesNotExist': if (has) return false; break;
      default: break;
    }
  }
  return true;
}

/** `app=web, tier in (db)` for messages. */
export function describeSelector(selector: FullSelector): string {
  const parts = Object.entries(selector.matchLabels).map(([k, v]) => `${k}=${v}`);
  for (const e of selector.expressions) {
    if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
    else parts.push(`${e.key} ${e.operator.toLowerCase() === 'notin' ? 'notin' : 'in'} (${e.values.join(', ')})`);
  }
  return parts.join(', ') || '{}';
}
