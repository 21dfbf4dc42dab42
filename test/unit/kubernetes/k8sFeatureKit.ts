import type { CompletionItem } from 'vscode-languageserver-types';
import type { DocsLanguage } from '../../../server/src/common/localized';
import type { FeatureContext } from '../../../server/src/common/service';
import { kubernetesService } from '../../../server/src/kubernetes/service';
import { contextFor, manifest } from '../helpers';

/** Hover and completion at the `|` of a text: what the OpenShift, catalog and version tests share. */

export function hoverAt(text: string, lang: DocsLanguage = 'en', settings?: unknown): string | null {
  const offset = text.indexOf('|');
  const file = manifest(text.slice(0, offset) + text.slice(offset + 1));
  const hover = kubernetesService.hover!(file, file.document.positionAt(offset), contextFor(lang, { settings }));
  return hover ? (hover.contents as { value: string }).value : null;
}

export function completeAt(text: string, ctx: FeatureContext = contextFor()): CompletionItem[] {
  const offset = text.indexOf('|');
  const file = manifest(text.slice(0, offset) + text.slice(offset + 1));
  return [...(kubernetesService.complete!(file, file.document.positionAt(offset), ctx)?.items ?? [])];
}

export const labelsOf = (items: CompletionItem[]): string[] => items.map((i) => i.label);
