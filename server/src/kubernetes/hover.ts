import { isMap, isScalar, type Node, type Pair } from 'yaml';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { pick } from '../common/localized';
import type { FeatureContext } from '../common/service';
import { kindDocs } from './kinds';
import { documentAtOffset, type ManifestFile } from './model';

export function hoverManifest(file: ManifestFile, position: Position, ctx: FeatureContext): Hover | null {
  const offset = file.document.offsetAt(position);
  const doc = documentAtOffset(file, offset);
  if (!doc?.isKubernetes || !isMap(doc.yaml.contents)) return null;
  const pair = doc.yaml.contents.items.find((item) => nodeContains(item.key as Node, offset) || nodeContains(item.value as Node, offset));
  if (!pair || !isScalar(pair.key) || pair.key.value !== 'kind' || !doc.kind) return null;
  const info = kindDocs[doc.kind];
  if (!info) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: `**${doc.kind}** (\`${info.apiVersion}\`)\n\n${pick(info.summary, ctx.lang)}` },
    range: pairRange(file, pair),
  };
}

function nodeContains(node: Node | null | undefined, offset: number): boolean {
  return !!node?.range && node.range[0] <= offset && offset <= node.range[1];
}

function pairRange(file: ManifestFile, pair: Pair): { start: Position; end: Position } {
  const start = (pair.key as Node).range![0];
  const end = (pair.value as Node | null)?.range?.[1] ?? (pair.key as Node).range![1];
  return { start: file.document.positionAt(start), end: file.document.positionAt(end) };
}
