import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { WorkspaceFiles } from '../../../server/src/common/service';
import { kubernetesService } from '../../../server/src/kubernetes/service';
import type { WorkspaceIndex } from '../../../server/src/kubernetes/workspace';
import { contextFor, manifest } from '../helpers';

/** Shared fixtures for the Kubernetes rule tests. */

export interface DiagnoseOptions {
  settings?: unknown;
  files?: WorkspaceFiles;
  filePath?: string;
  workspace?: WorkspaceIndex;
  uri?: string;
  lang?: 'en' | 'zh-cn';
}

export function diagnose(text: string, options: DiagnoseOptions = {}): Diagnostic[] {
  const ctx = { ...contextFor(options.lang ?? 'en', { settings: options.settings, files: options.files, filePath: options.filePath }), workspace: options.workspace };
  return kubernetesService.diagnose!(manifest(text, options.uri), ctx);
}

export function codesOf(text: string, options: DiagnoseOptions = {}): string[] {
  return diagnose(text, options).map((d) => String(d.code));
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.yaml', 'yaml', 1, text), edits);
}

/** A Deployment + Service that every rule is happy with: the baseline of the rule tests. */
export const goodManifest = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      securityContext:
        runAsNonRoot: true
      containers:
        - name: web
          image: nginx:1.27
          imagePullPolicy: IfNotPresent
          ports:
            - name: http
              containerPort: 8080
          readinessProbe:
            httpGet:
              path: /
              port: http
          livenessProbe:
            httpGet:
              path: /
              port: http
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
            limits:
              memory: 128Mi
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["ALL"]
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: http
`;

/** The good manifest with one substitution; fails loudly when the text to replace is missing. */
export function variant(search: string, replacement: string, base = goodManifest): string {
  if (!base.includes(search)) throw new Error(`fixture does not contain ${JSON.stringify(search)}`);
  return base.replace(search, replacement);
}

export function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}
