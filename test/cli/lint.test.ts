import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, read, sampleDockerfile, samplePod, tree } from './helpers';

interface JsonReport {
  files: { path: string; language: string; fixed?: Record<string, number>; diagnostics: { ruleId: string; severity: string; line: number; failing: boolean }[] }[];
  skipped: { path: string; reason: string }[];
  summary: { files: number; errors: number; warnings: number; failing: number };
}

async function json(args: string[], cwd: string, stdin?: string): Promise<{ code: number; report: JsonReport; stderr: string }> {
  const run = await cli([...args, '--format', 'json'], { cwd, stdin });
  return { code: run.code, report: JSON.parse(run.stdout) as JsonReport, stderr: run.stderr };
}

const rulesOf = (report: JsonReport, path: string): string[] => report.files.find((f) => f.path === path)?.diagnostics.map((d) => d.ruleId) ?? [];

describe('stevedore lint: exit codes', () => {
  it('exits 1 on warnings, 0 when the threshold is above them, 0 on a clean tree', async () => {
    const root = tree({ Dockerfile: sampleDockerfile });
    assert.equal((await cli(['lint', '.'], { cwd: root })).code, 1);
    assert.equal((await cli(['lint', '.', '--severity-threshold', 'error'], { cwd: root })).code, 0);
    assert.equal((await cli(['lint', '.', '--severity-threshold=none'], { cwd: root })).code, 0);
    const clean = tree({ Dockerfile: 'FROM alpine:3.20\nCOPY app /app\nUSER 1000\nCMD ["/app"]\n' });
    const run = await cli(['lint', '.'], { cwd: clean });
    assert.equal(run.code, 0, run.stdout);
  });

  it('exits 1 when info findings meet `--severity-threshold info` only', async () => {
    const root = tree({ Dockerfile: 'FROM alpine:3.20\nRUN echo a\nRUN echo b\nUSER 1000\n' });
    const { report } = await json(['lint', '.'], root);
    assert.ok(report.files[0].diagnostics.every((d) => d.severity === 'info' || d.severity === 'hint'), JSON.stringify(report.files[0].diagnostics));
    assert.equal((await cli(['lint', '.'], { cwd: root })).code, 0);
    assert.equal((await cli(['lint', '.', '--severity-threshold', 'info'], { cwd: root })).code, 1);
  });

  it('exits 2 with a clear message on a bad flag, a bad value, an unknown command or a missing path', async () => {
    const root = tree({ Dockerfile: sampleDockerfile });
    for (const [args, text] of [
      [['lint', '--bogus'], 'unknown option "--bogus"'],
      [['lint', '--format', 'xml'], '--format takes one of'],
      [['lint', '--severity-threshold', 'loud'], '--severity-threshold takes one of'],
      [['lint', '--output'], '--output needs a value'],
      [['check', '.'], 'unknown command "check"'],
      [['lint', 'nope/Dockerfile'], 'nope/Dockerfile'],
    ] as const) {
      const run = await cli([...args], { cwd: root });
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.stderr, new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), args.join(' '));
    }
  });

  it('explains usage errors in the language of the locale', async () => {
    const root = tree({});
    const run = await cli(['lint', '--bogus'], { cwd: root, env: { LANG: 'zh_CN.UTF-8' } });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^stevedore: 未知选项“--bogus”/);
  });

  it('prints help and the version with exit code 0', async () => {
    const root = tree({});
    const help = await cli(['--help'], { cwd: root });
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: stevedore lint/);
    assert.match(help.stdout, /--severity-threshold/);
    const zh = await cli(['lint', '-h'], { cwd: root, env: { LANG: 'zh_CN.UTF-8' } });
    assert.match(zh.stdout, /用法：stevedore lint/);
    const version = await cli(['--version'], { cwd: root });
    assert.match(version.stdout.trim(), /^\d+\.\d+\.\d+/);
  });
});

describe('stevedore lint: what it checks', () => {
  it('checks Kubernetes manifests and leaves other YAML alone (compose.yaml is the Compose engine\'s)', async () => {
    const root = tree({ 'k8s/pod.yaml': samplePod, '.github/workflows/ci.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n\tsteps: []\n', 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n' });
    const { report } = await json(['lint', '.'], root);
    assert.ok(rulesOf(report, join('k8s', 'pod.yaml')).includes('image-tag-mutable'));
    assert.deepEqual(rulesOf(report, 'compose.yaml'), []);
    assert.deepEqual(rulesOf(report, join('.github', 'workflows', 'ci.yml')), []);
  });

  it('sees other manifests of the tree in cross-file checks', async () => {
    const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n';
    const alone = tree({ 'svc.yaml': service });
    const withDeployment = tree({
      'svc.yaml': service,
      'deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n',
    });
    const a = await json(['lint', '.'], alone);
    const b = await json(['lint', '.'], withDeployment);
    const selectorRules = (r: JsonReport) => rulesOf(r, 'svc.yaml').filter((id) => /selector|dangling/.test(id));
    // Alone, "selects nothing" cannot be told from "selects something elsewhere"; with the workspace it can.
    assert.deepEqual(selectorRules(b.report), []);
    assert.ok(a.report.files.length === 1 && b.report.files.length === 2);
  });

  it('skips files over 1 MB and binary files with a notice', async () => {
    const root = tree({ 'big.yaml': `# ${'x'.repeat(1024 * 1024)}\n`, Dockerfile: 'FROM alpine:3.20\n' });
    writeFileSync(join(root, 'bin.Dockerfile'), Buffer.from([0x46, 0x52, 0x00, 0x01, 0x02]));
    const { report, stderr } = await json(['lint', '.'], root);
    assert.deepEqual(report.skipped.map((s) => `${s.path} ${s.reason}`).sort(), ['big.yaml too-large', 'bin.Dockerfile binary']);
    assert.match(stderr, /big\.yaml: skipped: larger than 1 MB/);
    assert.deepEqual(report.files.map((f) => f.path), ['Dockerfile']);
  });

  it('honours .gitignore while walking; --no-gitignore still skips dependency folders', async () => {
    const root = tree({ '.gitignore': 'generated/\n', Dockerfile: sampleDockerfile, 'generated/Dockerfile': sampleDockerfile, 'vendor/lib/Dockerfile': sampleDockerfile, 'node_modules/pkg/Dockerfile': sampleDockerfile });
    const { report } = await json(['lint', '.'], root);
    assert.deepEqual(report.files.map((f) => f.path), ['Dockerfile']);
    const all = await json(['lint', '.', '--no-gitignore'], root);
    assert.deepEqual(all.report.files.map((f) => f.path), ['Dockerfile', join('generated', 'Dockerfile')]);
    // Named explicitly, an ignored file is checked all the same.
    const named = await json(['lint', join('generated', 'Dockerfile')], root);
    assert.deepEqual(named.report.files.map((f) => f.path), [join('generated', 'Dockerfile')]);
  });

  it('--quiet reports errors only (and only errors decide the exit code)', async () => {
    const root = tree({ Dockerfile: sampleDockerfile });
    const { report, code } = await json(['lint', '.', '--quiet'], root);
    assert.ok(report.files[0].diagnostics.every((d) => d.severity === 'error'));
    assert.equal(code, report.summary.errors ? 1 : 0);
  });

  it('reports in Chinese with --lang zh-cn or a Chinese locale', async () => {
    const root = tree({ Dockerfile: sampleDockerfile });
    const flag = await cli(['lint', '.', '--lang', 'zh-cn'], { cwd: root });
    assert.match(flag.stdout, /已检查 1 个文件/);
    assert.match(flag.stdout, /[\u4e00-\u9fff]/);
    const locale = await cli(['lint', '.'], { cwd: root, env: { LC_ALL: 'zh_CN.UTF-8' } });
    assert.match(locale.stdout, /已检查 1 个文件/);
    const english = await cli(['lint', '.'], { cwd: root, env: { LANG: 'zh_TW.UTF-8' } });
    assert.match(english.stdout, /1 file checked/);
  });
});

describe('stevedore lint: what it names', () => {
  const jsonConfigMap = '{\n\t"apiVersion": "v1",\n\t"kind": "ConfigMap",\n\t"metadata": {"name": "settings"},\n\t"data": {"retries": 3}\n}\n';

  it('skips a named file that is neither a Dockerfile nor a manifest, with a notice, leaving the exit code alone', async () => {
    const clean = 'FROM alpine:3.20\nCOPY app /app\nUSER 1000\nCMD ["/app"]\n';
    const root = tree({ 'README.md': '# Shop\n\nRun it with `make up`.\n', 'composer.json': '{"name": "acme/shop", "require": {"php": ">=8.2"}}\n', Dockerfile: clean });
    const alone = await cli(['lint', 'Dockerfile'], { cwd: root });
    const run = await cli(['lint', 'README.md', 'composer.json', 'Dockerfile', '-f', 'json'], { cwd: root });
    assert.equal(run.code, alone.code);
    assert.equal(run.code, 0);
    assert.deepEqual((JSON.parse(run.stdout) as JsonReport).files.map((f) => f.path), ['Dockerfile']);
    assert.match(run.stderr, /README\.md: skipped: not a Dockerfile or a Kubernetes manifest/);
    assert.match(run.stderr, /composer\.json: skipped: not a Dockerfile or a Kubernetes manifest/);
    const chinese = await cli(['lint', 'README.md', '--lang', 'zh-cn'], { cwd: root });
    assert.match(chinese.stderr, /README\.md：不是 Dockerfile 或 Kubernetes 清单/);
    assert.equal(chinese.code, 0);
  });

  it('checks a JSON ConfigMap as Kubernetes, named or found, and leaves other JSON alone', async () => {
    const root = tree({ 'deploy/settings.json': jsonConfigMap, 'package.json': '{"name": "shop", "version": "1.0.0"}\n', 'tsconfig.json': '{"compilerOptions": {"strict": true}}\n' });
    const named = await json(['lint', join('deploy', 'settings.json')], root);
    assert.equal(named.report.files[0].language, 'kubernetes');
    assert.deepEqual(rulesOf(named.report, join('deploy', 'settings.json')), ['schema-type']);
    const walked = await json(['lint', '.'], root);
    assert.deepEqual(walked.report.files.map((f) => f.path), [join('deploy', 'settings.json')]);
    assert.equal(walked.stderr, '', 'package.json and tsconfig.json pass without a word');
    // Fixes are written as YAML: none is applied to JSON.
    await cli(['lint', '.', '--fix'], { cwd: root });
    assert.equal(read(root, 'deploy/settings.json'), jsonConfigMap);
  });

  it('reads JSON on standard input as a manifest, by its text or by --stdin-filename', async () => {
    const root = tree({});
    const sniffed = await json(['lint', '-'], root, jsonConfigMap);
    assert.equal(sniffed.report.files[0].language, 'kubernetes');
    const named = await json(['lint', '-', '--stdin-filename', 'deploy/settings.json'], root, jsonConfigMap);
    assert.deepEqual(rulesOf(named.report, 'deploy/settings.json'), ['schema-type']);
  });

  it('finds every Dockerfile name the extension knows while walking', async () => {
    const names = ['Dockerfile_arm', 'Dockerfile-WINDOWS_LTSC2022', 'app.Containerfile', 'Containerfile', 'api.dockerfile', 'CentosDockerfile'];
    const root = tree(Object.fromEntries([...names.map((name) => [join('images', name), sampleDockerfile]), [join('images', 'Dockerfile.dockerignore'), 'node_modules\n']]));
    const { report } = await json(['lint', '.'], root);
    assert.deepEqual(report.files.map((f) => f.path).sort(), names.map((name) => join('images', name)).sort());
    assert.ok(report.files.every((f) => f.language === 'dockerfile'));
  });
});

describe('stevedore lint: config files', () => {
  it('.hadolint.yaml: ignored rules (by hadolint code or our id) and overrides apply', async () => {
    const root = tree({ Dockerfile: sampleDockerfile });
    const before = rulesOf((await json(['lint', '.'], root)).report, 'Dockerfile');
    assert.ok(before.includes('apt-get-missing-yes') && before.includes('apt-get-unpinned'), before.join());
    writeFileSync(join(root, '.hadolint.yaml'), 'ignored:\n  - DL3014\n  - apt-get-unpinned\n');
    const after = rulesOf((await json(['lint', '.'], root)).report, 'Dockerfile');
    assert.ok(!after.includes('apt-get-missing-yes') && !after.includes('apt-get-unpinned'), after.join());
  });

  it('.hadolint.yaml: failure-threshold is the default threshold, no-fail never fails, the flag wins', async () => {
    const root = tree({ Dockerfile: sampleDockerfile, '.hadolint.yaml': 'failure-threshold: error\n' });
    assert.equal((await cli(['lint', '.'], { cwd: root })).code, 0);
    assert.equal((await cli(['lint', '.', '--severity-threshold', 'warning'], { cwd: root })).code, 1);
    writeFileSync(join(root, '.hadolint.yaml'), 'failure-threshold: style\n');
    assert.equal((await cli(['lint', '.'], { cwd: root })).code, 1);
    writeFileSync(join(root, '.hadolint.yaml'), 'no-fail: true\n');
    const { code, report } = await json(['lint', '.'], root);
    assert.equal(code, 0);
    assert.ok(report.files[0].diagnostics.length > 0 && report.files[0].diagnostics.every((d) => !d.failing));
  });

  it('.kube-linter.yaml: excluded checks are not reported', async () => {
    // The resource checks belong to the strict profile, which .stevedore.yaml turns on.
    const root = tree({ 'pod.yaml': samplePod, '.stevedore.yaml': 'profile: strict\n' });
    assert.ok(rulesOf((await json(['lint', '.'], root)).report, 'pod.yaml').includes('cpu-request-missing'));
    writeFileSync(join(root, '.kube-linter.yaml'), 'checks:\n  exclude:\n    - unset-cpu-requirements\n');
    const after = rulesOf((await json(['lint', '.'], root)).report, 'pod.yaml');
    assert.ok(!after.includes('cpu-request-missing'), after.join());
    assert.ok(after.includes('memory-limit-missing'), after.join());
  });

  it('.stevedore.yaml: rule severities, nearest file wins, settings.json-style keys work', async () => {
    const root = tree({
      '.stevedore.yaml': 'dockerfile:\n  rules:\n    apt-get-missing-yes: error\n    image-untagged: off\nkubernetes:\n  rules:\n    image-tag-mutable: "off"\n',
      Dockerfile: sampleDockerfile,
      'pod.yaml': samplePod,
      'legacy/.stevedore.yml': '{"stevedore.dockerfile.rules": {"apt-get-missing-yes": "hint"}}\n',
      'legacy/Dockerfile': sampleDockerfile,
    });
    const { report } = await json(['lint', '.'], root);
    const top = report.files.find((f) => f.path === 'Dockerfile')!;
    assert.equal(top.diagnostics.find((d) => d.ruleId === 'apt-get-missing-yes')?.severity, 'error');
    assert.ok(!rulesOf(report, 'pod.yaml').includes('image-tag-mutable'));
    const legacy = report.files.find((f) => f.path === join('legacy', 'Dockerfile'))!;
    assert.equal(legacy.diagnostics.find((d) => d.ruleId === 'apt-get-missing-yes')?.severity, 'hint');
  });

  it('.stevedore.yaml: a rule name that matches nothing gets a note, without failing the run', async () => {
    const root = tree({ '.stevedore.yaml': 'dockerfile:\n  rules:\n    apt-get-missing-y: "off"\n    DL3008: "off"\n    MultipleInstructionsDisallowed: "off"\n', Dockerfile: 'FROM alpine:3.20\nUSER 1000\n' });
    const run = await cli(['lint', '.'], { cwd: root });
    assert.equal(run.code, 0);
    assert.match(run.stderr, /note .*\.stevedore\.yaml: "dockerfile\.rules" names no known rule "apt-get-missing-y"/);
    assert.doesNotMatch(run.stderr, /DL3008|MultipleInstructionsDisallowed/, 'aliases and groups are known names');
  });

  it('.stevedore.yaml: a `stevedore:` section and docs.language', async () => {
    const root = tree({ '.stevedore.yaml': 'stevedore:\n  docs:\n    language: zh-cn\n', Dockerfile: sampleDockerfile });
    const run = await cli(['lint', '.'], { cwd: root });
    assert.match(run.stdout, /已检查/);
  });

  it('a config file is looked up no higher than the repository root', async () => {
    // A folder with a config, holding a repository of its own: the config must not reach into it.
    const outer = tree({ '.stevedore.yaml': 'dockerfile:\n  rules:\n    apt-get-missing-yes: "off"\n', Dockerfile: sampleDockerfile }, { repo: false });
    const inner = join(outer, 'repo');
    mkdirSync(join(inner, '.git'), { recursive: true });
    writeFileSync(join(inner, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    writeFileSync(join(inner, 'Dockerfile'), sampleDockerfile);
    const { report } = await json(['lint', '.'], outer);
    assert.ok(!rulesOf(report, 'Dockerfile').includes('apt-get-missing-yes'));
    assert.ok(rulesOf(report, join('repo', 'Dockerfile')).includes('apt-get-missing-yes'));
  });

  it('malformed config files exit 2 and name the file and the problem', async () => {
    for (const [name, text, expected] of [
      ['.hadolint.yaml', 'ignored: [DL3008\n', /\.hadolint\.yaml: not valid YAML/],
      ['.hadolint.yaml', 'failure-threshold: loud\n', /failure-threshold/],
      ['.stevedore.yaml', 'dockerfile:\n  rules:\n    image-untagged: loud\n', /image-untagged" should be one of/],
      ['.stevedore.yaml', 'dockerfile: [\n', /\.stevedore\.yaml: not valid YAML/],
      ['.kube-linter.yaml', 'checks: {exclude: [a\n', /\.kube-linter\.yaml: not valid YAML/],
    ] as const) {
      const root = tree({ [name]: text, Dockerfile: sampleDockerfile, 'pod.yaml': samplePod });
      const run = await cli(['lint', '.'], { cwd: root });
      assert.equal(run.code, 2, `${name}: ${text}`);
      assert.match(run.stderr, expected);
      assert.match(run.stdout, /checked/, 'the report is still printed');
    }
  });
});

describe('stevedore lint: standard input', () => {
  it('reads "-" and picks the language and config location from --stdin-filename', async () => {
    const root = tree({ 'deploy/.kube-linter.yaml': 'checks:\n  exclude: [unset-cpu-requirements]\n', 'deploy/.stevedore.yaml': 'profile: strict\n' });
    const { report, code } = await json(['lint', '-', '--stdin-filename', 'deploy/pod.yaml'], root, samplePod);
    assert.equal(code, 1);
    assert.equal(report.files[0].path, 'deploy/pod.yaml');
    assert.equal(report.files[0].language, 'kubernetes');
    assert.ok(!rulesOf(report, 'deploy/pod.yaml').includes('cpu-request-missing'));
    assert.ok(rulesOf(report, 'deploy/pod.yaml').includes('memory-limit-missing'));
  });

  it('without a name, tells a manifest from a Dockerfile by its text', async () => {
    const root = tree({});
    const pod = await json(['lint', '-'], root, samplePod);
    assert.equal(pod.report.files[0].language, 'kubernetes');
    assert.equal(pod.report.files[0].path, '<stdin>');
    const docker = await json(['lint', '-'], root, sampleDockerfile);
    assert.equal(docker.report.files[0].language, 'dockerfile');
  });

  it('--fix with "-" prints the fixed text and reports what is left on stderr', async () => {
    const root = tree({});
    const run = await cli(['lint', '-', '--fix', '--stdin-filename', 'Dockerfile'], { cwd: root, stdin: sampleDockerfile });
    assert.equal(run.stdout, 'FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nCOPY app.tar.gz /app\n'.replace('COPY app.tar.gz', 'ADD app.tar.gz'));
    assert.match(run.stderr, /fixed Dockerfile: apt-get-missing-yes, apt-lists-not-cleaned/);
    assert.match(run.stderr, /apt-get-unpinned/);
  });
});

describe('stevedore lint --fix', () => {
  it('applies safe fixes to the files, re-lints, and reports what it changed', async () => {
    const root = tree({ Dockerfile: 'FROM ubuntu:22.04\nRUN apt-get update && apt-get install curl\nADD app.py /app/\n', 'clean/Dockerfile': 'FROM alpine:3.20\nUSER 1000\n' });
    const before = rulesOf((await json(['lint', '.'], root)).report, 'Dockerfile');
    for (const id of ['apt-get-missing-yes', 'apt-lists-not-cleaned', 'add-instead-of-copy']) assert.ok(before.includes(id), `${id} in ${before.join()}`);
    const { report } = await json(['lint', '.', '--fix'], root);
    assert.deepEqual(report.files.find((f) => f.path === 'Dockerfile')?.fixed, { 'apt-get-missing-yes': 1, 'apt-lists-not-cleaned': 1, 'add-instead-of-copy': 1 });
    assert.equal(read(root, 'Dockerfile'), 'FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nCOPY app.py /app/\n');
    const after = rulesOf((await json(['lint', '.'], root)).report, 'Dockerfile');
    for (const id of ['apt-get-missing-yes', 'apt-lists-not-cleaned', 'add-instead-of-copy']) assert.ok(!after.includes(id), `${id} still in ${after.join()}`);
    assert.ok(after.includes('apt-get-unpinned'), 'unsafe or unfixable findings stay');
    assert.equal(read(root, 'clean/Dockerfile'), 'FROM alpine:3.20\nUSER 1000\n');
  });

  it('a second --fix changes nothing', async () => {
    const root = tree({ Dockerfile: sampleDockerfile });
    await cli(['lint', '.', '--fix'], { cwd: root });
    const once = read(root, 'Dockerfile');
    const { report } = await json(['lint', '.', '--fix'], root);
    assert.equal(read(root, 'Dockerfile'), once);
    assert.equal(report.files[0].fixed, undefined);
  });

  it('the text report lists the fixed rules per file', async () => {
    const root = tree({ Dockerfile: sampleDockerfile });
    const run = await cli(['lint', '.', '--fix'], { cwd: root });
    assert.match(run.stdout, /fixed Dockerfile: apt-get-missing-yes, apt-lists-not-cleaned/);
  });
});

describe('stevedore lint: progress', () => {
  it('shows a progress line on a terminal for big trees, overwritten in place and cleared', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 210; i++) files[`s${i}/Dockerfile`] = 'FROM alpine:3.20\n';
    const root = tree(files);
    let stderr = '';
    const { runCli } = await import('../../server/src/cli/run');
    const code = await runCli(['lint', '.', '--no-parallel'], {
      cwd: root,
      env: {},
      stdout: { write: () => true },
      stderr: { write: (text: string) => (stderr += text), isTTY: true },
      readStdin: () => '',
    });
    assert.equal(code, 0);
    assert.match(stderr, /^\r\u001b\[Kchecking 0\/210 files…/);
    assert.ok(stderr.endsWith('\r\u001b[K'), JSON.stringify(stderr.slice(-40)));
    const small = tree({ Dockerfile: 'FROM alpine:3.20\n' });
    let quiet = '';
    await runCli(['lint', '.'], { cwd: small, env: {}, stdout: { write: () => true }, stderr: { write: (t: string) => (quiet += t), isTTY: true }, readStdin: () => '' });
    assert.equal(quiet, '', 'no progress line for a small tree');
  });
});

describe('stevedore lint: standard input next to paths', () => {
  it('standard input stands for the file --stdin-filename names, which is not read again or written', async () => {
    const root = tree({ Dockerfile: 'FROM alpine:3.20\nUSER 1000\n', 'other/Dockerfile': sampleDockerfile });
    const run = await cli(['lint', '-', '.', '--stdin-filename', 'Dockerfile', '--fix', '-f', 'json'], { cwd: root, stdin: sampleDockerfile });
    assert.match(run.stdout, /apt-get install -y curl/);
    const report = JSON.parse(run.stderr) as JsonReport;
    assert.deepEqual(report.files.map((f) => f.path), ['Dockerfile', join('other', 'Dockerfile')]);
    assert.equal(read(root, 'Dockerfile'), 'FROM alpine:3.20\nUSER 1000\n');
    assert.match(read(root, 'other/Dockerfile'), /apt-get install -y curl/);
  });
});

describe('stevedore lint: engine failures', () => {
  it('a file the engine fails on is reported, the others are still checked, and the run exits 2', async () => {
    const { languageServices } = await import('../../server/src/services');
    const service = languageServices.dockerfile;
    const original = service.diagnose;
    service.diagnose = (model, ctx) => {
      if (ctx.filePath?.endsWith(`${join('bad', 'Dockerfile')}`)) throw new Error('boom');
      return original!.call(service, model, ctx);
    };
    try {
      const root = tree({ 'bad/Dockerfile': sampleDockerfile, 'good/Dockerfile': sampleDockerfile });
      const run = await cli(['lint', '.', '-f', 'json'], { cwd: root });
      assert.equal(run.code, 2);
      assert.match(run.stderr, /internal error while checking bad[\\/]Dockerfile: boom/);
      assert.deepEqual((JSON.parse(run.stdout) as JsonReport).files.map((f) => f.path), [join('good', 'Dockerfile')]);
    } finally {
      service.diagnose = original;
    }
  });
});

describe('stevedore lint: byte order marks', () => {
  it('lints the text after a BOM, as the editor does, and keeps the BOM when fixing', async () => {
    const root = tree({ Dockerfile: `\uFEFF${sampleDockerfile}` });
    const { report } = await json(['lint', '.'], root);
    assert.ok(!rulesOf(report, 'Dockerfile').some((id) => /unknown|instruction/.test(id)), rulesOf(report, 'Dockerfile').join());
    assert.equal(report.files[0].diagnostics[0].line, 2);
    await cli(['lint', '.', '--fix'], { cwd: root });
    const fixed = read(root, 'Dockerfile');
    assert.ok(fixed.startsWith('\uFEFFFROM ubuntu:22.04\nRUN apt-get update && apt-get install -y curl'), JSON.stringify(fixed));
  });
});
