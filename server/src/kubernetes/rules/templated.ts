import { visit } from 'yaml';
import type { ManifestFile } from '../model';
import type { KubeRule } from './context';

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

export const templatedFile: KubeRule = {
  meta: {
    id: 'templated-file', aliases: [], severity: 'info', category: 'syntax',
    title: { en: 'Template file, not checked', zh: '模板文件，未检查' },
    docs: {
      en: 'The file contains template actions (`{{ … }}`, as in Helm charts), so it is not a manifest until rendered, and checking the raw text would only produce noise. Stevedore skips it. Render it (`helm template`) to check the output.',
      zh: '该文件包含模板指令（`{{ … }}`，如 Helm Chart 中那样），在渲染之前并不是清单，直接检查原文只会产生大量误报，因此 Stevedore 跳过了它。请先渲染（`helm template`）再检查输出结果。',
    },
  },
  check({ file }, report) {
    const offset = templatingOffset(file);
    if (offset === undefined || !looksLikeKubernetes(file)) return;
    const start = file.document.positionAt(offset);
    report({
      range: { start, end: file.document.positionAt(Math.min(offset + 2, file.document.getText().length)) },
      message: { en: 'Template file ({{ … }}): not checked. Render it (e.g. helm template) to lint the result.', zh: '模板文件（{{ … }}）：未检查。请先渲染（例如 helm template）再检查结果。' },
    });
  },
};
