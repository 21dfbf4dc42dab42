import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { cli, tree } from '../cli/helpers';
import { StdioClient } from './client';

/**
 * One engine, one answer: the command line and the stdio language server lint the same workspace
 * (all three config files, a nearer .hadolint.yaml, a .dockerignore, a git-ignored folder) and
 * must report exactly the same findings — same rules, ranges, severities and messages.
 */
const workspace: Record<string, string> = {
  // The strict profile: every rule takes part, and switching one off is seen.
  '.stevedore.yaml': 'profile: strict\ndockerfile:\n  rules:\n    image-untagged: error\nkubernetes:\n  rules:\n    cpu-request-missing: "off"\n',
  '.hadolint.yaml': 'ignored: [DL3008]\noverride:\n  error: [DL3020]\n',
  '.kube-linter.yaml': 'checks:\n  exclude: [latest-tag]\n',
  '.gitignore': '# generated manifests are not part of the project\ngen/\n',
  'gen/settings.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shop-settings\ndata:\n  mode: fast\n',
  'deploy/shop.yaml': [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: shop',
    'spec:',
    '  replicas: 2',
    '  selector:',
    '    matchLabels:',
    '      app: shop',
    '  template:',
    '    metadata:',
    '      labels:',
    '        app: shop',
    '    spec:',
    '      containers:',
    '        - name: shop',
    '          image: example/shop:latest',
    '          envFrom:',
    '            - configMapRef:',
    '                name: shop-settings',
    '---',
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: shop',
    'spec:',
    '  selector:',
    '    app: shop',
    '  ports:',
    '    - port: 80',
    '',
  ].join('\n'),
  'services/api/Dockerfile': 'FROM ubuntu\nRUN apt-get update && apt-get install curl\nADD config.json /app/\nCOPY secrets/key /etc/key\n',
  'services/api/.dockerignore': 'secrets/\n',
  'services/web/.hadolint.yaml': 'ignored: [DL3020]\n',
  'services/web/Dockerfile': 'FROM node\nADD site.json /srv/\nRUN apt-get update && apt-get install nginx\n',
};

const severityNames = ['', 'error', 'warning', 'info', 'hint'];

interface JsonReport {
  files: { path: string; language: string; diagnostics: { ruleId: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number }[] }[];
}

function line(path: string, rule: string, severity: string, start: [number, number], end: [number, number], message: string): string {
  return `${path} ${start.join(':')}-${end.join(':')} ${severity} ${rule} ${message}`;
}

test('the command line and the language server report the same findings on one workspace', async () => {
  const root = tree(workspace);
  const run = await cli(['lint', '.', '--format', 'json'], { cwd: root });
  const report = JSON.parse(run.stdout) as JsonReport;
  const fromCli = report.files.flatMap((file) => file.diagnostics.map((d) => line(file.path, d.ruleId, d.severity, [d.line, d.column], [d.endLine, d.endColumn], d.message))).sort();
  const linted = report.files.map((file) => file.path).sort();
  assert.deepEqual(linted, ['deploy/shop.yaml', 'services/api/Dockerfile', 'services/web/Dockerfile']);

  const { client } = await StdioClient.start({ rootUri: pathToFileURL(root).href });
  try {
    const fromServer: string[] = [];
    for (const path of linted) {
      const uri = pathToFileURL(join(root, path)).href;
      await client.open(uri, path.endsWith('.yaml') ? 'yaml' : 'dockerfile', readFileSync(join(root, path), 'utf8'));
    }
    // Let the background workspace index finish and the re-checks it causes settle.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    for (const path of linted) {
      const uri = pathToFileURL(join(root, path)).href;
      await client.waitForDiagnostics(uri);
      const latest = client.published(uri).at(-1)!.diagnostics as Diagnostic[];
      for (const d of latest) {
        const message = typeof d.message === 'string' ? d.message : String(d.message);
        fromServer.push(line(path, String(d.code), severityNames[d.severity ?? 1], [d.range.start.line + 1, d.range.start.character + 1], [d.range.end.line + 1, d.range.end.character + 1], message));
      }
    }
    fromServer.sort();
    // The configuration really took part (so agreeing is not agreeing on nothing).
    const joined = fromCli.join('\n');
    assert.match(joined, /services\/api\/Dockerfile \S+ error image-untagged/, '.stevedore.yaml raised image-untagged to an error');
    assert.match(joined, /services\/api\/Dockerfile \S+ error add-instead-of-copy/, 'the root .hadolint.yaml made DL3020 an error');
    assert.doesNotMatch(joined, /services\/web\/Dockerfile \S+ \w+ add-instead-of-copy/, 'the nearer .hadolint.yaml ignores DL3020');
    assert.doesNotMatch(joined, /services\/api\/Dockerfile \S+ \w+ apt-get-unpinned/, 'DL3008 is ignored by the root .hadolint.yaml');
    assert.match(joined, /services\/web\/Dockerfile \S+ \w+ apt-get-unpinned/, 'the nearest .hadolint.yaml wins whole (no merging)');
    assert.match(joined, /copy-ignored-file/, '.dockerignore was read');
    assert.doesNotMatch(joined, /image-tag-mutable|cpu-request-missing/, '.kube-linter.yaml and .stevedore.yaml switched these off');
    assert.match(joined, /deploy\/shop\.yaml \S+ \w+ memory-limit-missing/, '.stevedore.yaml chose the strict profile');
    assert.match(joined, /deploy\/shop\.yaml \S+ \w+ config-reference-missing/, 'the git-ignored ConfigMap is not part of the project');
    assert.deepEqual(fromServer, fromCli);
  } finally {
    await client.stop();
  }
});
