import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findStage, resolveVariableAt, semanticsOf, stageAt, variablesInScopeAt } from '../../../server/src/dockerfile/semantic';
import { dockerfile } from '../helpers';

const multiStage = [
  'ARG BASE=alpine:3.20', // 0
  'ARG VERSION=1.0', // 1
  'FROM ${BASE} AS Build', // 2
  'ARG VERSION', // 3
  'ENV APP_HOME=/app OUT=${VERSION}', // 4
  'RUN echo $VERSION $APP_HOME', // 5
  'FROM build AS test', // 6
  'RUN echo ${APP_HOME:-none} $VERSION', // 7
  'FROM scratch', // 8
  'COPY --from=BUILD /app /app', // 9
  'COPY --from=1 /x /x', // 10
  'RUN --mount=type=cache,from=test,target=/c true', // 11
].join('\n');

test('stages carry index, name, base image and base stage', () => {
  const { stages } = semanticsOf(dockerfile(multiStage));
  assert.equal(stages.length, 3);
  assert.deepEqual(stages.map((s) => s.name), ['Build', 'test', undefined]);
  assert.equal(stages[0].baseImage, '${BASE}');
  assert.deepEqual(stages[0].nameRange, { start: { line: 2, character: 16 }, end: { line: 2, character: 21 } });
  assert.equal(stages[1].baseStage, stages[0], 'FROM build names the earlier stage Build (case-insensitive)');
  assert.equal(stages[2].baseStage, undefined);
  assert.equal(stages[0].instructions.length, 4);
  assert.equal(stages[0].range.end.line, 5);
});

test('global ARGs are those before the first FROM', () => {
  const semantics = semanticsOf(dockerfile(multiStage));
  assert.deepEqual(semantics.globalArgs.map((d) => d.name), ['BASE', 'VERSION']);
  assert.ok(semantics.globalArgs.every((d) => d.stage === undefined));
});

test('a FROM line resolves variables against global ARGs', () => {
  const semantics = semanticsOf(dockerfile(multiStage));
  const base = semantics.references.find((r) => r.name === 'BASE');
  assert.equal(base?.declaration, semantics.globalArgs[0]);
});

test('a valueless in-stage ARG re-declares the global one and inherits its default', () => {
  const model = dockerfile(multiStage);
  const resolved = resolveVariableAt(model, 'VERSION', { line: 5, character: 12 });
  assert.equal(resolved?.declaration.line, 3);
  assert.equal(resolved?.declaration.inherits, semanticsOf(model).globalArgs[1]);
  assert.equal(resolved?.value, '1.0');
});

test('a global ARG is not visible inside a stage that does not re-declare it', () => {
  const model = dockerfile(multiStage);
  assert.equal(resolveVariableAt(model, 'VERSION', { line: 7, character: 30 }), undefined);
  const ref = semanticsOf(model).references.find((r) => r.name === 'VERSION' && r.nameRange.start.line === 7);
  assert.ok(ref);
  assert.equal(ref.declaration, undefined);
});

test('a stage built FROM an earlier stage inherits its ENV, not its ARGs', () => {
  const model = dockerfile(multiStage);
  const resolved = resolveVariableAt(model, 'APP_HOME', { line: 7, character: 10 });
  assert.equal(resolved?.declaration.kind, 'ENV');
  assert.equal(resolved?.declaration.line, 4);
  assert.equal(resolved?.value, '/app');
});

test('ENV A=1 B=$A: the reference inside the same instruction does not see A', () => {
  const model = dockerfile('FROM alpine\nENV A=1 B=$A\n');
  const ref = semanticsOf(model).references[0];
  assert.equal(ref.name, 'A');
  assert.equal(ref.declaration, undefined);
});

test('ENV overrides an ARG of the same name regardless of order', () => {
  const model = dockerfile('FROM alpine\nENV X=env\nARG X=arg\nRUN echo $X\n');
  assert.equal(resolveVariableAt(model, 'X', { line: 3, character: 10 })?.value, 'env');
});

test('stage references: COPY --from by name and index, mount from=, FROM stage', () => {
  const { stageReferences, stages } = semanticsOf(dockerfile(multiStage));
  const summary = stageReferences.map((r) => `${r.kind}:${r.text}:${r.target?.index ?? '-'}`);
  assert.deepEqual(summary, ['from:${BASE}:-', 'from:build:0', 'from:scratch:-', 'copy-from:BUILD:0', 'copy-from:1:1', 'mount-from:test:1']);
  assert.equal(findStage(stages, 'TEST'), stages[1]);
  assert.equal(findStage(stages, '2', stages[1]), undefined, 'an index must name an earlier stage');
});

test('stageAt and variablesInScopeAt', () => {
  const model = dockerfile(multiStage);
  assert.equal(stageAt(model, { line: 0, character: 0 }), undefined);
  assert.equal(stageAt(model, { line: 7, character: 0 })?.index, 1);
  const inScope = variablesInScopeAt(model, { line: 5, character: 0 });
  assert.deepEqual([...inScope.keys()].sort(), ['APP_HOME', 'OUT', 'VERSION']);
  const global = variablesInScopeAt(model, { line: 2, character: 6 });
  assert.deepEqual([...global.keys()].sort(), ['BASE', 'VERSION']);
});

test('backtick escape and heredocs keep references and declarations right', () => {
  const text = '# escape=`\nFROM alpine AS a\nENV GREETING=hi `\n    NAME=you\nCOPY <<EOF /greeting\n$GREETING\nEOF\nRUN <<EOT sh\necho "$NAME"\nEOT\n';
  const semantics = semanticsOf(dockerfile(text));
  assert.equal(semantics.escapeChar, '`');
  assert.deepEqual(semantics.declarations.map((d) => `${d.name}@${d.nameRange.start.line}`), ['GREETING@2', 'NAME@3']);
  const greeting = semantics.references.find((r) => r.name === 'GREETING');
  assert.equal(greeting?.declaration?.name, 'GREETING');
});

test('empty and incomplete files do not throw', () => {
  for (const text of ['', '\n\n', 'FROM', 'ARG', 'ENV', 'COPY --from=', 'RUN --mount=from', 'FROM a AS', 'from alpine as x\nrun echo $']) {
    const semantics = semanticsOf(dockerfile(text));
    assert.ok(Array.isArray(semantics.stages), text);
    resolveVariableAt(dockerfile(text), 'X', { line: 0, character: 2 });
  }
});

test('the model is computed once per parsed model', () => {
  const model = dockerfile(multiStage);
  assert.equal(semanticsOf(model), semanticsOf(model));
});

test('a quoted COPY heredoc delimiter makes the body literal; RUN heredoc bodies are scripts', () => {
  const text = "FROM a\nARG V=1\nCOPY <<'EOF' /literal\n$V\nEOF\nCOPY <<EOF /expanded\n$V\nEOF\nRUN <<'EOT'\necho $V\nEOT\n";
  const lines = semanticsOf(dockerfile(text)).references.map((r) => r.nameRange.start.line);
  assert.deepEqual(lines, [6, 9]);
});
