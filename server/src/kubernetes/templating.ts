import { visit } from 'yaml';
import type { ManifestFile } from './model';

/**
 * Is this YAML a template (a Helm chart) rather than a manifest? Asked by the workspace index (which
 * skips templates) and by the diagnostics (which report them once and check nothing else there),
 * so it lives beside the model rather than among the rules. A template action in the value of one
 * document holds back that document only; one that shapes the YAML holds back the whole file.
 */

/** A line whose content or value starts with a template action: `{{- if …}}`, `name: {{ .Values.x }}`, `- {{ … }}`. */
const actionLine = /^[ \t]*(?:-[ \t]+)?(?:[^'"#\s{][^:#\n]{0,200}:[ \t]+)?\{\{/gm;

/** Where a file is templated: the first action, and whether the template spans the file or sits in some documents. */
export interface Templating {
  /** Offset of the first template action. */
  offset: number;
  /**
   * The template shapes the file (a Helm chart): an action alone on a line (`{{- if }}`,
   * `{{ toYaml … | indent 4 }}`) or YAML broken by one. Nothing of it is a manifest until rendered.
   */
  wholeFile: boolean;
  /** Otherwise, the documents holding a template action in a value (`image: {{ .image }}`): only they wait for rendering. */
  documents: ReadonlySet<number>;
}

const templatingCache = new WeakMap<ManifestFile, Templating | null>();

/**
 * Where the file is a template (Helm chart, Go template) rather than a manifest. Placeholders
 * inside YAML strings — Prometheus alert texts, Argo `{{inputs.parameters.x}}`, a Go template kept in
 * a ConfigMap — are data, not templating.
 */
export function templatingOf(file: ManifestFile): Templating | undefined {
  const cached = templatingCache.get(file);
  if (cached !== undefined) return cached ?? undefined;
  const found = findTemplating(file);
  templatingCache.set(file, found ?? null);
  return found;
}

/** Offset of the first template action, when the file has one (see `templatingOf`). */
export function templatingOffset(file: ManifestFile): number | undefined {
  return templatingOf(file)?.offset;
}

function findTemplating(file: ManifestFile): Templating | undefined {
  const text = file.document.getText();
  if (!text.includes('{{')) return undefined;
  const candidates: { offset: number; alone: boolean }[] = [];
  actionLine.lastIndex = 0;
  for (let match = actionLine.exec(text); match && candidates.length < 200; match = actionLine.exec(text)) {
    candidates.push({ offset: match.index + match[0].length - 2, alone: match[0].trim() === '{{' });
  }
  const inStrings = candidates.length > 0 ? stringScalarRanges(file) : [];
  const actions = candidates.filter(({ offset }) => !inStrings.some(([from, to]) => from <= offset && offset < to));
  // YAML broken on a line with a template action: templating is the likely cause, and it shapes the file.
  for (const doc of file.documents) {
    for (const error of doc.yaml.errors) {
      const lineStart = text.lastIndexOf('\n', error.pos[0] - 1) + 1;
      const lineEnd = text.indexOf('\n', error.pos[0]);
      const at = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd).indexOf('{{');
      if (at >= 0) actions.push({ offset: lineStart + at, alone: true });
    }
  }
  if (actions.length === 0) return undefined;
  const offset = Math.min(...actions.map((a) => a.offset));
  if (actions.some((a) => a.alone)) return { offset, wholeFile: true, documents: new Set() };
  return { offset, wholeFile: false, documents: new Set(actions.map((a) => documentAt(file, a.offset))) };
}

/** Whether an offset lies in a document that waits for rendering (or the whole file does). */
export function isTemplatedAt(file: ManifestFile, offset: number): boolean {
  const templating = templatingOf(file);
  return !!templating && (templating.wholeFile || templating.documents.has(documentAt(file, offset)));
}

/** Index of the document holding an offset (the last one starting at or before it). */
function documentAt(file: ManifestFile, offset: number): number {
  let index = 0;
  for (const doc of file.documents) if (doc.start <= offset) index = doc.index;
  return index;
}

function stringScalarRanges(file: ManifestFile): [number, number][] {
  const ranges: [number, number][] = [];
  for (const doc of file.documents) {
    visit(doc.yaml, {
      Scalar(_key, node) {
        if (typeof node.value === 'string' && node.range && node.value.includes('{{')) ranges.push([node.range[0], node.range[1]]);
      },
    });
  }
  return ranges;
}

/** The file looks like Kubernetes even if templating broke the YAML. */
export function looksLikeKubernetes(file: ManifestFile): boolean {
  return file.isKubernetes || (/^\s*apiVersion\s*:/m.test(file.document.getText()) && /^\s*kind\s*:/m.test(file.document.getText()));
}

/**
 * A value a tool fills in before the manifest reaches the API server: envsubst's `${VAR}` / `$VAR`,
 * kustomize's `$(VAR)`, Helm's `{{ … }}`. Such values are not judged, whatever the field's type.
 */
export function isPlaceholder(value: unknown): boolean {
  // Every form has a `$` or a `{{`: most values have neither, and a search for them costs less than the pattern.
  return typeof value === 'string' && (value.includes('$') || value.includes('{{')) && placeholderPattern.test(value);
}

const placeholderPattern = /\$\{[^}]*\}|\$\([A-Za-z_][\w.]*\)|^\$[A-Za-z_]\w*$|\{\{.*\}\}/;
