import type { Diagnostic } from 'vscode-languageserver-types';
import { imageGraphOf } from '../../../server/src/common/imageGraph';
import { feedImageGraph } from '../../../server/src/imageGraphFeed';
import { WorkspaceIndex } from '../../../server/src/kubernetes/workspace';
import { diagnose } from './k8sTestKit';

/** The rule ids of the image graph's edge checks. */
export const edgeRuleIds = [
  'image-root-vs-run-as-non-root', 'image-user-not-numeric', 'container-port-vs-expose', 'image-healthcheck-without-probe',
  'args-ignored-by-shell-entrypoint', 'read-only-root-unmounted-volume', 'env-differs-from-image', 'image-tag-differs-in-workspace', 'image-edge-guess',
];

/** A workspace of files (path under /w → text): manifests indexed, Dockerfiles and evidence in the image graph. */
export function workspaceOf(files: Record<string, string>): WorkspaceIndex {
  const index = new WorkspaceIndex();
  index.roots = ['/w'];
  const graph = imageGraphOf(index)!;
  for (const [path, text] of Object.entries(files)) {
    const uri = `file:///w/${path}`;
    feedImageGraph(graph, uri, text);
    if (/\.ya?ml$/.test(path) && text.includes('apiVersion')) index.updateText(uri, text);
  }
  return index;
}

/** Diagnostics of the edge rules on the manifest at `path` of the workspace. */
export function edgeFindings(files: Record<string, string>, path: string, settings?: unknown, lang: 'en' | 'zh-cn' = 'en'): Diagnostic[] {
  return diagnose(files[path], { workspace: workspaceOf(files), uri: `file:///w/${path}`, settings, lang }).filter((d) => edgeRuleIds.includes(String(d.code)));
}

export const deployment = (options: { image?: string; container?: string; pod?: string } = {}): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:${options.pod ?? ''}
      containers:
        - name: web
          image: ${options.image ?? 'acme/web:1.0'}${options.container ?? ''}
`;

export const runAsNonRoot = '\n          securityContext:\n            runAsNonRoot: true';

export const composeFor = (image = 'acme/web:1.0', build = './web') => `services:\n  web:\n    build: ${build}\n    image: ${image}\n`;
