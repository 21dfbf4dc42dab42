import { pick, type DocsLanguage } from '../../common/localized';
import type { MarkupContent } from 'vscode-languageserver-types';
import type { DocEntry } from './types';

const labels = {
  deprecated: { en: ' (deprecated)', zh: '（已弃用）' },
  example: { en: 'Example:', zh: '示例：' },
  pitfalls: { en: 'Watch out:', zh: '注意：' },
};

/**
 * Markdown for a doc entry: title, summary, syntax block, pitfalls and example. Hover and
 * completion documentation both use it so the two never drift apart.
 */
export function renderDoc(title: string, doc: DocEntry, lang: DocsLanguage, options: { withSyntax?: boolean } = {}): string {
  const parts = [`**${title}**${doc.deprecated ? pick(labels.deprecated, lang) : ''}`, pick(doc.summary, lang)];
  if (doc.syntax?.length && options.withSyntax !== false) parts.push('```dockerfile\n' + doc.syntax.join('\n') + '\n```');
  if (doc.pitfalls?.length) {
    parts.push(pick(labels.pitfalls, lang) + '\n' + doc.pitfalls.map((p) => `- ${pick(p, lang)}`).join('\n'));
  }
  if (doc.example) parts.push(pick(labels.example, lang) + '\n```dockerfile\n' + doc.example + '\n```');
  return parts.join('\n\n');
}

/** The same Markdown as LSP markup, for completion items and signature parameters. */
export function markdownDoc(title: string, doc: DocEntry, lang: DocsLanguage): MarkupContent {
  return { kind: 'markdown', value: renderDoc(title, doc, lang) };
}

/** A closing full stop, English or Chinese (a string, not a regex literal: see common/plainText.ts). */
const trailingStop = new RegExp('[.。]$');

/**
 * The one line a completion item shows as its detail: the entry's brief, else its summary, as plain
 * text (the detail is not Markdown) without the closing full stop.
 */
export function detailLine(doc: DocEntry, lang: DocsLanguage): string {
  return pick(doc.brief ?? doc.summary, lang).replace(/`/g, '').replace(trailingStop, '');
}
