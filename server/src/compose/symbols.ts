import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { FeatureContext } from '../common/service';
import { entriesOf, keyText, nodeRange, offsetRange, type ComposeModel } from './model';
import { serviceInfo } from './serviceInfo';

/**
 * The outline of a Compose file: each top-level key, with the entries of the named sections
 * (services, networks, volumes, configs, secrets, models) under it. A service shows its image.
 */

const sectionKinds: Record<string, SymbolKind> = {
  services: SymbolKind.Class,
  networks: SymbolKind.Interface,
  volumes: SymbolKind.Struct,
  configs: SymbolKind.File,
  secrets: SymbolKind.Key,
  models: SymbolKind.Object,
};

export function symbolsCompose(model: ComposeModel, _ctx: FeatureContext): DocumentSymbol[] {
  const root = model.root;
  if (!root) return [];
  const symbols: DocumentSymbol[] = [];
  for (const pair of root.items) {
    const name = keyText(pair);
    const key = pair.key as { range?: [number, number, number] } | null;
    if (name === undefined || !key?.range) continue;
    const value = pair.value as { range?: [number, number, number] } | null;
    const end = value?.range ? value.range[1] : key.range[1];
    const symbol: DocumentSymbol = {
      name,
      kind: name in sectionKinds ? SymbolKind.Namespace : SymbolKind.Property,
      range: offsetRange(model, key.range[0], Math.max(end, key.range[1])),
      selectionRange: nodeRange(model, key),
    };
    const kind = sectionKinds[name];
    if (kind !== undefined) {
      symbol.children = entriesOf(model, name).filter((entry) => entry.key.range).map((entry) => {
        const entryValue = entry.pair.value as { range?: [number, number, number] } | null;
        const entryEnd = entryValue?.range ? entryValue.range[1] : entry.key.range![1];
        const child: DocumentSymbol = {
          name: entry.name,
          kind,
          range: offsetRange(model, entry.key.range![0], Math.max(entryEnd, entry.key.range![1])),
          selectionRange: nodeRange(model, entry.key),
        };
        if (name === 'services') {
          const info = serviceInfo(model, entry.value);
          const detail = info.image ?? (info.build ? `build: ${info.build.context ?? '.'}` : undefined);
          if (detail) child.detail = detail;
        }
        return child;
      });
    }
    symbols.push(symbol);
  }
  return symbols;
}
