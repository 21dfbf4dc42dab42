import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isComposeName, languageKindOf, matchesComposeGlobs } from '../../../server/src/common/fileKinds';
import type { DiagnosticFixData } from '../../../server/src/common/rules';
import { cursorAt, effectiveValue, entriesOf, nodeAt, servicesOf } from '../../../server/src/compose/model';
import { languageServices } from '../../../server/src/services';
import { applyEdits, compose, contextFor, diagnose, findings, withCursor } from './composeKit';

describe('Compose files are found by name and by setting', () => {
  it('knows the names Compose loads and the overrides', () => {
    for (const name of ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml', 'compose.override.yaml', 'docker-compose.prod.yml', 'app/compose.dev.yaml', 'C:\\src\\docker-compose.yml']) {
      assert.ok(isComposeName(name), name);
    }
    for (const name of ['deploy.yaml', 'composer.json', 'values.yaml', 'compose.json', 'kustomization.yaml']) assert.ok(!isComposeName(name), name);
  });

  it('picks the compose engine from the language id or from the name, and leaves other YAML alone', () => {
    assert.equal(languageKindOf('dockercompose', 'file:///x/anything.yml'), 'compose');
    assert.equal(languageKindOf('yaml', 'file:///x/compose.yaml'), 'compose');
    assert.equal(languageKindOf(undefined, 'file:///x/docker-compose.prod.yml'), 'compose');
    assert.equal(languageKindOf('yaml', 'file:///x/deploy.yaml'), 'yaml');
    assert.equal(languageKindOf('yaml', 'file:///x/.github/workflows/ci.yml'), 'yaml');
  });

  it('reads the stevedore.compose.files globs: a bare pattern matches the name, one with a slash the path', () => {
    assert.ok(matchesComposeGlobs('/w/stack.yml', ['stack.yml']));
    assert.ok(matchesComposeGlobs('/w/deploy/prod/app.yaml', ['deploy/**/*.yaml']));
    assert.ok(matchesComposeGlobs('/w/deploy/app.yaml', ['**/deploy/*.yaml']));
    assert.ok(!matchesComposeGlobs('/w/k8s/app.yaml', ['deploy/*.yaml']));
    assert.ok(!matchesComposeGlobs('/w/stack.yml', []));
    assert.equal(languageKindOf('yaml', 'file:///w/stack.yml', ['stack.yml']), 'compose');
    assert.equal(languageKindOf('yaml', 'file:///w/stack.yml'), 'yaml');
  });

  it('is registered as a language service', () => {
    const service = languageServices.compose;
    const model = service.parse(TextDocument.create('file:///w/compose.yaml', 'dockercompose', 1, 'services:\n  web:\n    image: nginx:1.27\n'));
    assert.deepEqual(service.diagnose!(model, contextFor()), []);
    assert.equal(service.summary!(model, contextFor()).text, 'Compose · 1 service');
    assert.equal(service.summary!(model, contextFor('zh-cn')).text, 'Compose · 1 个服务');
  });
});

describe('the Compose model', () => {
  const text = 'x-base: &base\n  restart: always\nservices:\n  web:\n    <<: *base\n    image: nginx:1.27\n  db:\n    image: postgres:16\nnetworks:\n  back: {}\n';

  it('lists the named entries of each section', () => {
    const model = compose(text);
    assert.deepEqual(servicesOf(model).map((entry) => entry.name), ['web', 'db']);
    assert.deepEqual(entriesOf(model, 'networks').map((entry) => entry.name), ['back']);
    assert.deepEqual(entriesOf(model, 'volumes'), []);
  });

  it('reads keys merged in with <<: *anchor', () => {
    const model = compose(text);
    const web = servicesOf(model)[0]!.value;
    assert.equal(String((effectiveValue(model, web, 'restart') as { value: unknown }).value), 'always');
  });

  it('finds the node and path at an offset', () => {
    const model = compose(text);
    const onKey = nodeAt(model, text.indexOf('db:'));
    assert.deepEqual(onKey?.path, ['services', 'db']);
    assert.equal(onKey?.onKey, true);
    const onValue = nodeAt(model, text.indexOf('postgres') + 2);
    assert.deepEqual(onValue?.path, ['services', 'db', 'image']);
    assert.equal(onValue?.onKey, false);
  });

  it('finds the cursor path in YAML being typed', () => {
    const { text: typed, position } = withCursor('services:\n  web:\n    image: nginx\n    depends_on:\n      - |\n');
    const cursor = cursorAt(compose(typed), position);
    assert.equal(cursor?.target, 'item');
    assert.deepEqual(cursor?.parent, ['services', 'web', 'depends_on']);
  });

  it('survives an empty file and a comments-only file', () => {
    assert.deepEqual(servicesOf(compose('')), []);
    assert.deepEqual(diagnose(''), []);
    assert.deepEqual(diagnose('# nothing yet\n'), []);
  });
});

describe('Compose diagnostics', () => {
  it('reports YAML syntax errors in our words, in both languages', () => {
    const en = findings('services:\n  web:\n    image: "nginx\n', 'compose-yaml-syntax');
    assert.equal(en.length, 1);
    assert.match(String(en[0]!.message), /^YAML: /);
    const zh = findings('services:\n  web:\n    image: "nginx\n', 'compose-yaml-syntax', contextFor('zh-cn'));
    assert.match(String(zh[0]!.message), /^YAML 语法错误：/);
    assert.deepEqual(findings('services:\n  web:\n    image: nginx:1\n', 'compose-yaml-syntax'), []);
  });

  it('reports a second --- document', () => {
    assert.equal(findings('services:\n  a:\n    image: x:1\n---\nservices:\n  b:\n    image: y:1\n', 'compose-multiple-documents').length, 1);
    assert.deepEqual(findings('services:\n  a:\n    image: x:1\n', 'compose-multiple-documents'), []);
  });

  it('warns on the obsolete version and its fix removes the line', () => {
    const text = '# app\nversion: "3.8"\nservices:\n  web:\n    image: nginx:1.27\n';
    const [finding] = findings(text, 'compose-obsolete-version');
    assert.ok(finding);
    const data = finding.data as DiagnosticFixData;
    assert.equal(data.fixes[0]!.safe, true);
    assert.equal(applyEdits(text, data.fixes[0]!.edits), '# app\nservices:\n  web:\n    image: nginx:1.27\n');
    assert.deepEqual(findings('services:\n  web:\n    image: nginx:1.27\n    environment:\n      version: "3"\n', 'compose-obsolete-version'), []);
  });

  it('honours # stevedore-ignore comments and the compose.rules setting', () => {
    const text = 'version: "3"\nservices: {}\n';
    assert.equal(findings(text, 'compose-obsolete-version').length, 1);
    assert.deepEqual(findings(`# stevedore-ignore compose-obsolete-version\n${text}`, 'compose-obsolete-version'), []);
    assert.deepEqual(findings('version: "3" # stevedore-ignore\nservices: {}\n', 'compose-obsolete-version'), []);
    assert.deepEqual(findings(`${text}# stevedore-ignore-file compose-obsolete-version -- old tooling\n`, 'compose-obsolete-version'), []);
    assert.equal(findings(`# stevedore-ignore some-other-rule\n${text}`, 'compose-obsolete-version').length, 1);
    const off = contextFor('en', { compose: { rules: { 'compose-obsolete-version': 'off' }, files: [] } });
    assert.deepEqual(findings(text, 'compose-obsolete-version', off), []);
  });

  it('offers an ignore-comment action for a finding', () => {
    const model = compose('version: "3"\nservices: {}\n');
    const diagnostics = languageServices.compose.diagnose!(model, contextFor());
    const actions = languageServices.compose.codeActions!(model, diagnostics[0]!.range, diagnostics, contextFor());
    assert.equal(actions[0]?.title, 'Ignore compose-obsolete-version on this line');
  });
});
