import { visit } from 'yaml';
import type { ManifestFile } from './model';

/**
 * Is this YAML a template (a Helm chart) rather than a manifest? Asked by the workspace index (which
 * skips templates) and by the diagnostics (which report them once and check nothing else), so it
 * lives beside the model rather than among the rules.
 */

/** A line whose content or value starts with a template action: `{{- if …}}`, `name: {{ .Values.x }}`, `- {{ … }}`. */
const actionLine = /^[ \t]*(?:-[ \t]+)?(?:[^'"#\s{][^:#\n]{0,200}:[ \t]+)?\{\{/gm;

/**
 * Offset of the first template action when the file is a template (Helm chart, Go template)
 * rather than a manifest. Placeholders inside YAML strings — Prometheus alert texts, Argo
 * `{{inputs.parameters.x}}`, a Go template kept in a ConfigMap — are data, not templating.
 */
export function templatingOffset(file: ManifestFile): number | undefined {
  const text = file.document.getText();
  if (!text.includes('{{')) return undefined;
  const candidates: number[] = [];
  actionLine.lastIndex = 0;
  for (let match = actionLine.exec(text); match && candidates.length < 200; match = actionLine.exec(text)) {
    candidates.push(match.index + match[0].length - 2);
  }
  const inStrings = candidates.length > 0 ? stringScalarRanges(file) : [];
  const first = candidates.find((offset) => !inStrings.some(([from, to]) => from <= offset && offset < to));
  if (first !== undefined) return first;
  // YAML broken on a line with a template action: templating is the likely cause.
  for (const doc of file.documents) {
    for (const error of doc.yaml.errors) {
      const lineStart = text.lastIndexOf('\n', error.pos[0] - 1) + 1;
      const lineEnd = text.indexOf('\n', error.pos[0]);
      const at = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd).indexOf('{{');
      if (at >= 0) return lineStart + at;
    }
  }
  return undefined;
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
