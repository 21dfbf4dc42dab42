import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Hover, Position } from 'vscode-languageserver-types';
import type { DocsLanguage } from '../../../server/src/common/localized';
import { parseImageRef } from '../../../server/src/dockerfile/imageRef';
import { dockerfileService } from '../../../server/src/dockerfile/service';
import { contextFor, dockerfile } from '../helpers';

/** Hovers where `|` marks the cursor; returns the hover and its Markdown. */
function hoverAt(textWithCursor: string, lang: DocsLanguage = 'en'): { hover: Hover | null; value: string; text: string } {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  const model = dockerfile(text);
  const hover = dockerfileService.hover!(model, model.document.positionAt(offset), contextFor(lang));
  return { hover, value: hover ? (hover.contents as { value: string }).value : '', text };
}

function rangeText(text: string, hover: Hover | null): string {
  assert.ok(hover?.range, 'hover has a range');
  const lines = text.split('\n');
  const { start, end } = hover.range;
  assert.equal(start.line, end.line);
  return lines[start.line].slice(start.character, end.character);
}

test('hover on an instruction keyword shows its docs', () => {
  const model = dockerfile('FROM alpine:3.20\nRUN echo hi\n');
  const hover = dockerfileService.hover!(model, { line: 1, character: 1 }, contextFor());
  assert.ok(hover);
  assert.match(JSON.stringify(hover.contents), /Runs a command in a new layer/);
  assert.deepEqual(hover.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } });
});

test('hover follows the docs language', () => {
  const model = dockerfile('FROM alpine:3.20\n');
  const hover = dockerfileService.hover!(model, { line: 0, character: 2 }, contextFor('zh-cn'));
  assert.match(JSON.stringify(hover?.contents), /构建阶段/);
});

test('no hover on an unknown keyword, a comment or a blank line', () => {
  const model = dockerfile('FORM alpine\n# just a comment\n\nFROM alpine\n');
  for (const position of [{ line: 0, character: 1 }, { line: 1, character: 4 }, { line: 2, character: 0 }] as Position[]) {
    assert.equal(dockerfileService.hover!(model, position, contextFor()), null, JSON.stringify(position));
  }
});

test('lower-case keywords and ONBUILD triggers are documented as their instruction', () => {
  const lower = hoverAt('from alpine\nco|py a b\n');
  assert.match(lower.value, /^\*\*COPY\*\*/);
  assert.equal(rangeText(lower.text, lower.hover), 'copy');
  const trigger = hoverAt('FROM alpine\nONBUILD R|UN make\n');
  assert.match(trigger.value, /^\*\*RUN\*\*/);
  assert.equal(rangeText(trigger.text, trigger.hover), 'RUN');
  const triggerFlag = hoverAt('FROM alpine\nONBUILD RUN --network=n|one make\n');
  assert.match(triggerFlag.value, /without any network access/);
});

test('flag values and mount option values have their own docs and exact ranges', () => {
  const host = hoverAt('FROM alpine\nRUN --network=ho|st curl x\n');
  assert.match(host.value, /host's network namespace/);
  assert.equal(rangeText(host.text, host.hover), 'host');
  const name = hoverAt('FROM alpine\nRUN --net|work=host curl x\n');
  assert.equal(rangeText(name.text, name.hover), '--network');
  const cache = hoverAt('FROM alpine\nRUN --mount=type=ca|che,target=/root/.cache,sharing=locked pip install x\n');
  assert.match(cache.value, /persistent cache/);
  assert.match(cache.value, /not part of the image/);
  assert.equal(rangeText(cache.text, cache.hover), 'cache');
  const locked = hoverAt('FROM alpine\nRUN --mount=type=cache,target=/root/.cache,sharing=lo|cked pip install x\n', 'zh-cn');
  assert.match(locked.value, /等待/);
  assert.equal(rangeText(locked.text, locked.hover), 'locked');
  const key = hoverAt('FROM alpine\nRUN --mount=type=secret,id=npm,tar|get=/root/.npmrc npm ci\n');
  assert.equal(rangeText(key.text, key.hover), 'target');
  const secret = hoverAt('FROM alpine\nRUN --mount=type=sec|ret,id=npm npm ci\n');
  assert.match(secret.value, /does not persist/);
});

test('directives: names, known values and check rules', () => {
  const syntax = hoverAt('# syn|tax=docker/dockerfile:1\nFROM alpine\n');
  assert.match(syntax.value, /frontend/);
  assert.equal(rangeText(syntax.text, syntax.hover), 'syntax');
  const escape = hoverAt('# escape=|`\nFROM alpine\n');
  assert.match(escape.value, /Backtick/);
  const rule = hoverAt('# check=skip=JSONArgsRecommended,Stage|NameCasing;error=true\nFROM alpine\n');
  assert.match(rule.value, /Stage names should be lower case/);
  assert.equal(rangeText(rule.text, rule.hover), 'StageNameCasing');
  const error = hoverAt('# check=skip=all;err|or=true\nFROM alpine\n');
  assert.equal(rangeText(error.text, error.hover), 'error');
  // After an instruction, `# syntax=` is an ordinary comment.
  assert.equal(hoverAt('FROM alpine\n# syn|tax=docker/dockerfile:1\n').hover, null);
});

const scoped = [
  'ARG BASE=alpine', // 0
  'ARG VERSION=1.2.3', // 1
  'FROM ${BASE}:3.20 AS build', // 2
  'RUN echo $VERSION', // 3: the global ARG is not visible here
  'ARG VERSION', // 4
  'RUN echo ${VERSION:-dev}', // 5: visible after re-declaring it, with the global default
  'ENV APP=/app', // 6
  'FROM build AS test', // 7
  'RUN echo $APP $VERSION', // 8: ENV inherited from the base stage, ARG not
].join('\n');

function lineOf(text: string, line: number, word: string, occurrence = 0): string {
  const lines = text.split('\n');
  let index = -1;
  for (let i = 0; i <= occurrence; i++) index = lines[line].indexOf(word, index + 1);
  return lines.map((l, i) => (i === line ? l.slice(0, index + 1) + '|' + l.slice(index + 1) : l)).join('\n');
}

test('variables: global ARG in FROM, hidden in a stage until re-declared, default from the global', () => {
  const inFrom = hoverAt(lineOf(scoped, 2, 'BASE'));
  assert.match(inFrom.value, /global scope/);
  assert.match(inFrom.value, /Default value: `alpine`/);
  assert.equal(rangeText(inFrom.text, inFrom.hover), '${BASE}');

  const hidden = hoverAt(lineOf(scoped, 3, 'VERSION'));
  assert.match(hidden.value, /Not declared by this Dockerfile in scope/);
  assert.match(hidden.value, /global ARG with this name exists \(line 2\)/);
  assert.match(hidden.value, /ARG VERSION/);

  const redeclared = hoverAt(lineOf(scoped, 5, 'VERSION'));
  assert.match(redeclared.value, /stage `build`/);
  assert.match(redeclared.value, /Declared on line 5/);
  assert.match(redeclared.value, /Default value: `1\.2\.3`/);
  assert.match(redeclared.value, /global default from line 2/);
  assert.match(redeclared.value, /If unset or empty, expands to `dev`/);
  assert.equal(rangeText(redeclared.text, redeclared.hover), '${VERSION:-dev}');

  const inherited = hoverAt(lineOf(scoped, 8, 'APP'));
  assert.match(inherited.value, /environment variable \(ENV\)/);
  assert.match(inherited.value, /Inherited from the base stage `build`/);
  const notInherited = hoverAt(lineOf(scoped, 8, 'VERSION'));
  assert.match(notInherited.value, /Not declared by this Dockerfile in scope/);
});

test('variables: Chinese text, declarations and predefined args', () => {
  const zh = hoverAt(lineOf(scoped, 3, 'VERSION'), 'zh-cn');
  assert.match(zh.value, /本 Dockerfile 未声明/);
  const declaration = hoverAt(lineOf(scoped, 4, 'VERSION'));
  assert.match(declaration.value, /Default value: `1\.2\.3`/);
  assert.equal(rangeText(declaration.text, declaration.hover), 'VERSION');

  const platformInFrom = hoverAt('FROM --platform=$BUILD|PLATFORM golang:1.23\n');
  assert.match(platformInFrom.value, /platform of the machine running the build/);
  assert.doesNotMatch(platformInFrom.value, /declare `ARG BUILDPLATFORM` first/);
  const platformInStage = hoverAt('FROM alpine\nRUN echo $TARGET|ARCH\n');
  assert.match(platformInStage.value, /declare `ARG TARGETARCH` first/);
  const declared = hoverAt('FROM alpine\nARG TARGETARCH\nRUN echo $TARGET|ARCH\n');
  assert.match(declared.value, /Declared on line 2/);
  assert.doesNotMatch(declared.value, /declare `ARG TARGETARCH` first/);
  const proxy = hoverAt('FROM alpine\nRUN curl --proxy $HTTPS|_PROXY x\n');
  assert.match(proxy.value, /Available to RUN without a declaration/);
});

test('stage names in --from=, mount from= and FROM <stage> show the stage FROM line', () => {
  const text = 'FROM golang:1.23 AS build\nRUN go build\nFROM build AS test\nFROM alpine\nCOPY --from=build /out /out\nRUN --mount=from=test,target=/t true\nCOPY --from=0 /a /a\n';
  const copy = hoverAt(lineOf(text, 4, 'build'));
  assert.match(copy.value, /Build stage `build`/);
  assert.match(copy.value, /FROM golang:1\.23 AS build/);
  assert.equal(rangeText(copy.text, copy.hover), 'build');
  const base = hoverAt(lineOf(text, 2, 'build'));
  assert.match(base.value, /FROM golang:1\.23 AS build/);
  assert.equal(rangeText(base.text, base.hover), 'build');
  const mount = hoverAt(lineOf(text, 5, 'test'));
  assert.match(mount.value, /FROM build AS test/);
  const index = hoverAt(lineOf(text, 6, '0'));
  assert.match(index.value, /index 0/);
  const name = hoverAt(lineOf(text, 2, 'test'));
  assert.match(name.value, /Built on stage `build`/);
  const image = hoverAt('FROM alpine\nCOPY --from=ngi|nx:1.27 /etc/nginx /etc/nginx\n');
  assert.match(image.value, /docker\.io\/library\/nginx:1\.27/);
});

test('image references in FROM are split into registry, repository, tag and digest', () => {
  const hub = hoverAt('FROM alp|ine\n');
  assert.match(hub.value, /Docker Hub/);
  assert.match(hub.value, /library\/alpine/);
  assert.match(hub.value, /`latest` is implied/);
  assert.equal(rangeText(hub.text, hub.hover), 'alpine');
  const full = hoverAt('FROM ghcr.io/acme/ap|p:1.0@sha256:abcd AS x\n');
  assert.match(full.value, /\| Registry \| `ghcr\.io` \|/);
  assert.match(full.value, /\| Repository \| `acme\/app` \|/);
  assert.match(full.value, /\| Tag \| `1\.0` \|/);
  assert.match(full.value, /sha256:abcd/);
  assert.equal(rangeText(full.text, full.hover), 'ghcr.io/acme/app:1.0@sha256:abcd');
  const withArgs = hoverAt('ARG IMAGE=node\nARG TAG\nFROM ${IMAGE}:${TAG:-20}-al|pine\n');
  assert.match(withArgs.value, /`node:20-alpine`/);
  assert.match(withArgs.value, /docker\.io\/library\/node:20-alpine/);
  const zh = hoverAt('FROM alp|ine\n', 'zh-cn');
  assert.match(zh.value, /官方镜像/);
  assert.match(hoverAt('FROM scr|atch\n').value, /empty image/);
  const as = hoverAt('FROM alpine a|s base\n');
  assert.match(as.value, /Names the stage/);
  assert.equal(rangeText(as.text, as.hover), 'as');
});

test('parseImageRef follows Docker\'s defaults', () => {
  const cases: [string, string][] = [
    ['alpine', 'docker.io/library/alpine:latest'],
    ['bitnami/redis:7', 'docker.io/bitnami/redis:7'],
    ['docker.io/alpine:3', 'docker.io/library/alpine:3'],
    ['localhost:5000/app', 'localhost:5000/app:latest'],
    ['registry.example.com:5000/team/app:1.2@sha256:ff', 'registry.example.com:5000/team/app:1.2@sha256:ff'],
    ['alpine@sha256:ab', 'docker.io/library/alpine@sha256:ab'],
  ];
  for (const [input, canonical] of cases) assert.equal(parseImageRef(input)?.canonical, canonical, input);
  const ref = parseImageRef('localhost:5000/app')!;
  assert.equal(ref.registry, 'localhost:5000');
  assert.equal(ref.tag, undefined);
  assert.equal(parseImageRef(''), undefined);
  assert.equal(parseImageRef('a b'), undefined);
});

test('HEALTHCHECK subcommands and STOPSIGNAL values', () => {
  const none = hoverAt('FROM alpine\nHEALTHCHECK NO|NE\n');
  assert.match(none.value, /Disables any health check/);
  const signal = hoverAt('FROM alpine\nSTOPSIGNAL sigq|uit\n');
  assert.match(signal.value, /graceful shutdown/);
  assert.equal(rangeText(signal.text, signal.hover), 'sigquit');
});

test('hover survives odd input', () => {
  const texts = ['RUN --mount=', 'FROM --platform=', 'COPY --from= a b', '# check=skip=;;,,', 'ONBUILD', 'HEALTHCHECK', 'ARG', 'FROM ${', 'RUN ${A:-${B}}', '\\\n\\'];
  for (const text of texts) {
    const model = dockerfile(text);
    for (let character = 0; character <= text.length; character++) {
      dockerfileService.hover!(model, { line: 0, character }, contextFor());
    }
  }
});
