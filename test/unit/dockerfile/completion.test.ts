import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { CompletionItemKind, type CompletionItem, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { DocsLanguage } from '../../../server/src/common/localized';
import { visibleVariables } from '../../../server/src/dockerfile/completionArgs';
import {
  buildChecks, commonCacheTargets, commonModes, detailLine, flagsByInstruction, healthcheckSubcommands, mountOptions, mountTypes, sharingValues, signals, type DocEntry,
} from '../../../server/src/dockerfile/docs';
import { variablesInScopeAt } from '../../../server/src/dockerfile/semantic';
import { dockerfileService } from '../../../server/src/dockerfile/service';
import { contextFor, dockerfile } from '../helpers';

const cjk = /[\u4e00-\u9fff]/;

/** Completes where `|` marks the cursor. */
function complete(textWithCursor: string, lang: DocsLanguage = 'en'): { items: CompletionItem[]; text: string; isNull: boolean } {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  const model = dockerfile(text);
  const list = dockerfileService.complete!(model, model.document.positionAt(offset), contextFor(lang));
  return { items: list?.items ?? [], text, isNull: list === null };
}

function labels(items: CompletionItem[]): string[] {
  return [...new Set(items.map((i) => i.label))];
}

function item(items: CompletionItem[], label: string): CompletionItem {
  const found = items.find((i) => i.label === label);
  assert.ok(found, `no item ${label} in ${labels(items).join(', ')}`);
  return found;
}

/** The text an item replaces, read from its textEdit range. */
function replaced(text: string, completion: CompletionItem): string {
  const range = (completion.textEdit as TextEdit).range as Range;
  const lines = text.split('\n');
  assert.equal(range.start.line, range.end.line);
  return lines[range.start.line].slice(range.start.character, range.end.character);
}

function docText(completion: CompletionItem): string {
  const doc = completion.documentation;
  return typeof doc === 'string' ? doc : doc?.value ?? '';
}

test('instruction keywords are snippets of their forms, replacing the typed word', () => {
  const { items, text } = complete('FROM alpine\nRU|');
  const run = items.filter((i) => i.label === 'RUN');
  assert.ok(run.length >= 3, 'several RUN forms');
  assert.equal(replaced(text, run[0]), 'RU');
  assert.ok(run.some((i) => (i.textEdit as TextEdit).newText.includes('--mount=type=cache')));
  assert.equal(labels(items).length, 18);
  assert.ok(item(items, 'MAINTAINER').tags?.includes(1), 'MAINTAINER is tagged deprecated');
});

test('keywords follow the file casing and the escape directive', () => {
  const lower = complete('from alpine\nrun true\n|');
  assert.ok(lower.items.every((i) => i.label === i.label.toLowerCase()), 'lower-case file completes lower case');
  const upper = complete('FROM alpine\n|');
  assert.ok(upper.items.every((i) => i.label === i.label.toUpperCase()));
  const backtick = complete('# escape=`\nFROM alpine\n|');
  const multiLine = backtick.items.find((i) => i.label === 'RUN' && (i.textEdit as TextEdit).newText.includes('\n'));
  assert.ok(multiLine);
  assert.match((multiLine.textEdit as TextEdit).newText, /` *\n/);
  const backslash = complete('FROM alpine\n|').items.find((i) => i.label === 'RUN' && (i.textEdit as TextEdit).newText.includes('\n'));
  assert.match((backslash!.textEdit as TextEdit).newText, /\\\\\n/, 'a literal backslash is escaped in snippet syntax');
});

test('editing a keyword that already has arguments replaces only the keyword', () => {
  const { items, text } = complete('FROM alpine\nRU|N echo hi\n');
  const run = item(items, 'RUN');
  assert.equal(replaced(text, run), 'RUN');
  assert.equal((run.textEdit as TextEdit).newText, 'RUN');
});

test('ONBUILD triggers exclude ONBUILD, FROM and MAINTAINER', () => {
  const names = labels(complete('FROM alpine\nONBUILD |').items);
  assert.ok(names.includes('RUN') && names.includes('COPY'));
  for (const forbidden of ['ONBUILD', 'FROM', 'MAINTAINER']) assert.ok(!names.includes(forbidden), forbidden);
  assert.deepEqual(labels(complete('FROM alpine\nONBUILD RUN --|').items), ['--mount', '--network', '--security']);
});

test('every flag of each instruction, with = and placeholders', () => {
  assert.deepEqual(labels(complete('FROM alpine\nRUN --|').items), ['--mount', '--network', '--security']);
  assert.deepEqual(labels(complete('FROM alpine\nCOPY --|').items), ['--from', '--chown', '--chmod', '--link', '--parents', '--exclude']);
  assert.deepEqual(labels(complete('FROM alpine\nADD --|').items), ['--chown', '--chmod', '--link', '--checksum', '--keep-git-dir', '--exclude', '--unpack']);
  assert.deepEqual(labels(complete('FROM --|').items), ['--platform']);
  assert.deepEqual(labels(complete('FROM alpine\nHEALTHCHECK --|').items), ['--interval', '--timeout', '--start-period', '--start-interval', '--retries']);
  const { items, text } = complete('FROM alpine\nRUN --|');
  const mount = item(items, '--mount');
  assert.equal(replaced(text, mount), '--');
  assert.equal((mount.textEdit as TextEdit).newText, '--mount=type=${1|cache,bind,secret,ssh,tmpfs|},${2:target}=${3:/path}');
  assert.equal(mount.insertTextFormat, 2);
});

test('flags already given are not offered again, except repeatable ones', () => {
  const names = labels(complete('FROM alpine\nRUN --network=none --mount=type=cache,target=/c --|').items);
  assert.ok(!names.includes('--network'));
  assert.ok(names.includes('--mount'));
  assert.deepEqual(labels(complete('FROM alpine\nRUN echo --|').items), [], 'no flags after the command started');
});

test('typing inside a flag name replaces only the name', () => {
  const { items, text } = complete('FROM alpine\nRUN --netw|ork=host curl x');
  const network = item(items, '--network');
  assert.equal(replaced(text, network), '--network');
  assert.equal((network.textEdit as TextEdit).newText, '--network');
});

test('flag values: network, security, platform, link, chmod, durations', () => {
  assert.deepEqual(labels(complete('FROM alpine\nRUN --network=|').items), ['default', 'none', 'host']);
  assert.deepEqual(labels(complete('FROM alpine\nRUN --security=|').items), ['sandbox', 'insecure']);
  const platforms = complete('FROM --platform=li| alpine');
  for (const p of ['linux/amd64', 'linux/arm64', 'linux/arm/v7', '$BUILDPLATFORM', '$TARGETPLATFORM']) assert.ok(labels(platforms.items).includes(p), p);
  assert.equal(replaced(platforms.text, item(platforms.items, 'linux/amd64')), 'li');
  assert.deepEqual(labels(complete('FROM alpine\nCOPY --link=| a b').items), ['true', 'false']);
  assert.ok(labels(complete('FROM alpine\nCOPY --chmod=| a b').items).includes('755'));
  assert.ok(labels(complete('FROM alpine\nHEALTHCHECK --interval=| CMD true').items).includes('30s'));
});

test('--mount keys by type and values by key', () => {
  assert.deepEqual(labels(complete('FROM alpine\nRUN --mount=|').items), ['type', 'target', 'source', 'from', 'rw']);
  const cache = labels(complete('FROM alpine\nRUN --mount=type=cache,|').items);
  assert.deepEqual(cache, ['target', 'id', 'sharing', 'from', 'source', 'mode', 'uid', 'gid', 'ro']);
  assert.deepEqual(labels(complete('FROM alpine\nRUN --mount=type=secret,id=x,|').items), ['target', 'env', 'required', 'mode', 'uid', 'gid']);
  assert.deepEqual(labels(complete('FROM alpine\nRUN --mount=type=tmpfs,|').items), ['target', 'size']);
  assert.deepEqual(labels(complete('FROM alpine\nRUN --mount=type=ssh,|').items), ['id', 'target', 'required', 'mode', 'uid', 'gid']);
  // The type may come after the cursor.
  assert.ok(labels(complete('FROM alpine\nRUN --mount=|,type=tmpfs').items).includes('size'));
  assert.deepEqual(labels(complete('FROM alpine\nRUN --mount=type=|').items), ['bind', 'cache', 'tmpfs', 'secret', 'ssh']);
  const sharing = complete('FROM alpine\nRUN --mount=type=cache,target=/c,sharing=pr|,id=x true');
  assert.deepEqual(labels(sharing.items), ['shared', 'private', 'locked']);
  assert.equal(replaced(sharing.text, item(sharing.items, 'private')), 'pr');
  assert.ok(labels(complete('FROM alpine\nRUN --mount=type=cache,target=|').items).includes('/go/pkg/mod'));
  const key = item(complete('FROM alpine\nRUN --mount=type=cache,|').items, 'sharing');
  assert.equal((key.textEdit as TextEdit).newText, 'sharing=${1|shared,private,locked|}');
});

test('stage names after --from=, mount from= and in FROM: only earlier stages', () => {
  const text = 'FROM golang AS build\nFROM node AS web\nCOPY --from=| /a /b\nFROM alpine AS later\n';
  assert.deepEqual(labels(complete(text).items), ['build'], 'not the current stage, not later ones');
  assert.deepEqual(labels(complete('FROM golang AS build\nFROM alpine\nRUN --mount=from=|').items), ['build']);
  const from = complete('FROM golang AS build\nFROM b|');
  assert.deepEqual(labels(from.items), ['build', 'scratch']);
  assert.equal(replaced(from.text, item(from.items, 'build')), 'b');
  assert.match(docText(item(from.items, 'build')), /FROM golang AS build/);
  assert.deepEqual(labels(complete('from golang |').items), ['as']);
});

test('variables after $ and ${: ARG/ENV in scope plus predefined args', () => {
  const text = 'ARG GLOBAL=1\nFROM alpine\nARG LOCAL=2\nENV HOME_DIR=/app\nRUN echo ${|';
  const { items } = complete(text);
  const names = labels(items);
  assert.ok(names.includes('LOCAL') && names.includes('HOME_DIR'));
  assert.ok(!names.includes('GLOBAL'), 'a global ARG is not visible in a stage');
  assert.ok(names.includes('TARGETPLATFORM') && names.includes('HTTP_PROXY'));
  assert.equal((item(items, 'LOCAL').textEdit as TextEdit).newText, 'LOCAL}');
  assert.match(item(items, 'LOCAL').detail!, /ARG LOCAL=2/);
  const bare = complete('FROM alpine\nARG LOCAL=2\nRUN echo $LO|CAL');
  assert.equal((item(bare.items, 'LOCAL').textEdit as TextEdit).newText, 'LOCAL');
  assert.equal(replaced(bare.text, item(bare.items, 'LOCAL')), 'LOCAL');
  const inFrom = labels(complete('ARG GLOBAL=1\nFROM $|').items);
  assert.ok(inFrom.includes('GLOBAL') && inFrom.includes('BUILDPLATFORM'));
  assert.ok(!inFrom.includes('HTTP_PROXY'), 'FROM lines only see platform args');
  assert.deepEqual(complete('FROM alpine\nRUN echo \\$|').items, [], 'an escaped $ is not a variable');
});

test('ARG offers global ARGs to re-declare and the predefined args', () => {
  const names = labels(complete('ARG VERSION=1\nFROM alpine\nARG |').items);
  assert.equal(names[0], 'VERSION');
  assert.ok(names.includes('TARGETARCH'));
});

test('HEALTHCHECK subcommands, STOPSIGNAL signals, SHELL forms', () => {
  const health = labels(complete('FROM alpine\nHEALTHCHECK |').items);
  assert.ok(health.includes('CMD') && health.includes('NONE') && health.includes('--interval'));
  assert.deepEqual(labels(complete('FROM alpine\nHEALTHCHECK --retries=3 |').items).filter((l) => !l.startsWith('--')), ['CMD'], 'NONE takes no flags');
  const signals = labels(complete('FROM alpine\nSTOPSIGNAL SIG|').items);
  for (const s of ['SIGTERM', 'SIGINT', 'SIGQUIT', 'SIGKILL', 'SIGHUP', 'SIGUSR1', 'SIGUSR2', 'SIGWINCH']) assert.ok(signals.includes(s), s);
  assert.ok(labels(complete('FROM alpine\nSHELL |').items).includes('["/bin/bash", "-o", "pipefail", "-c"]'));
});

test('parser directives and their values at the top of the file', () => {
  assert.deepEqual(labels(complete('# |').items), ['syntax', 'escape', 'check']);
  assert.deepEqual(labels(complete('# syntax=docker/dockerfile:1\n# |').items), ['escape', 'check']);
  assert.ok(labels(complete('# syntax=|').items).includes('docker/dockerfile:1'));
  assert.deepEqual(labels(complete('# escape=|').items), ['\\', '`']);
  const rules = complete('# check=skip=JSONArgsRecommended,Sta|');
  assert.ok(labels(rules.items).includes('StageNameCasing'));
  assert.ok(!labels(rules.items).includes('JSONArgsRecommended'), 'already listed');
  assert.equal(replaced(rules.text, item(rules.items, 'StageNameCasing')), 'Sta');
  assert.equal(labels(complete('# check=skip=|').items).length, buildChecks.length + 1, 'every rule plus all');
  assert.deepEqual(labels(complete('# check=skip=all;|').items), ['skip', 'error', 'experimental']);
  assert.deepEqual(labels(complete('# check=error=|').items), ['true', 'false']);
  assert.ok(complete('FROM alpine\n# |').isNull, 'no directives after an instruction');
});

test('every completion item carries English and Chinese documentation', () => {
  const contexts = [
    'FROM alpine\n|', '# |', '# check=skip=|', 'FROM alpine\nRUN --|', 'FROM alpine\nCOPY --|', 'FROM alpine\nADD --|', 'FROM --|',
    'FROM alpine\nHEALTHCHECK |', 'FROM alpine\nRUN --mount=type=cache,|', 'FROM alpine\nRUN --mount=type=secret,|', 'FROM alpine\nRUN --mount=type=|',
    'FROM alpine\nRUN --mount=type=cache,sharing=|', 'FROM alpine\nRUN --network=|', 'FROM alpine\nRUN --security=|', 'FROM --platform=|',
    'FROM alpine\nSTOPSIGNAL |', 'FROM alpine\nRUN echo $|', 'FROM alpine\nONBUILD |', 'ARG A=1\nFROM alpine\nARG |',
  ];
  for (const context of contexts) {
    const en = complete(context, 'en').items;
    const zh = complete(context, 'zh-cn').items;
    assert.ok(en.length > 0, context);
    assert.equal(en.length, zh.length);
    en.forEach((completion, i) => {
      assert.ok(docText(completion).length > 0, `${context}: ${completion.label} has no English docs`);
      assert.match(docText(zh[i]), cjk, `${context}: ${zh[i].label} has no Chinese docs`);
    });
  }
});

test('nothing is proposed in shell commands, comments or unknown instructions', () => {
  assert.deepEqual(complete('FROM alpine\nRUN apt-get ins|').items, []);
  assert.ok(complete('FROM alpine\n# a comment |').isNull);
  assert.ok(complete('FROM alpine\nFOO --|').isNull);
});

test('completion survives odd input at every position', () => {
  const texts = ['RUN --mount=,,,=,type=', '# check=;;skip=,,', 'FROM ${', 'ONBUILD ONBUILD', 'HEALTHCHECK --=', 'COPY --from= --from=', '\\\n\\\n', 'ARG =', 'RUN "--mount=\n'];
  for (const text of texts) {
    const model = dockerfile(text);
    for (let offset = 0; offset <= text.length; offset++) {
      dockerfileService.complete!(model, model.document.positionAt(offset), contextFor());
    }
  }
});

test('variables: ENV inherited from base stages wins over a local ARG, ARGs are not inherited', () => {
  const text = 'FROM alpine AS base\nENV MODE=base\nARG ONLY_BASE=1\nFROM base AS mid\nENV MID=1\nFROM mid\nARG MODE=arg\nRUN echo $|';
  const { items } = complete(text);
  const names = labels(items.filter((i) => i.kind === 6));
  assert.deepEqual(names.sort(), ['MID', 'MODE']);
  assert.match(item(items, 'MODE').detail!, /^ENV MODE=base/);
});

test('the one-pass scope walk agrees with the semantic model on every corpus instruction', (t) => {
  const corpus = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'dockerfile');
  if (!fs.existsSync(corpus)) {
    t.skip(`corpus not found at ${corpus}`);
    return;
  }
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.push(full);
    }
  };
  walk(corpus);
  let compared = 0;
  for (const file of files) {
    const model = dockerfile(fs.readFileSync(file, 'utf8'));
    for (const instruction of model.ast.getInstructions()) {
      const position = instruction.getRange().start;
      const expected = [...variablesInScopeAt(model, position)].map(([name, r]) => `${name}@${r.declaration.line}`).sort();
      const actual = [...visibleVariables(model, { instruction })].map(([name, r]) => `${name}@${r.declaration.line}`).sort();
      assert.deepEqual(actual, expected, `${file}:${position.line + 1}`);
      compared++;
    }
  }
  assert.ok(compared > 100, `only ${compared} instructions compared`);
});

test('unnamed earlier stages are offered by index after --from=, never in FROM', () => {
  assert.deepEqual(labels(complete('FROM golang\nFROM node AS web\nFROM alpine\nCOPY --from=| /a /b').items), ['0', 'web']);
  assert.deepEqual(labels(complete('FROM golang\nFROM alpine AS x\nRUN --mount=from=|').items), ['0'], 'not the current stage');
  assert.deepEqual(labels(complete('FROM golang\nFROM |').items), ['--platform', 'scratch']);
});

test('before the first FROM, FROM and ARG are proposed first', () => {
  const sorted = (text: string): string[] => [...complete(text).items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map((i) => i.label);
  assert.deepEqual([...new Set(sorted('# syntax=docker/dockerfile:1\n|').slice(0, 4))], ['ARG', 'FROM']);
  assert.equal(sorted('FROM alpine\n|')[0], 'ADD');
});

test('keywords inside snippet forms follow lower-case files too', () => {
  const { items } = complete('from alpine\n|');
  const texts = items.map((i) => (i.textEdit as TextEdit).newText);
  assert.ok(texts.includes('from ${1:image}:${2:tag} as ${3:name}'), texts.join('\n'));
  assert.ok(texts.some((t) => t.startsWith('healthcheck --interval=') && t.includes(' cmd ')));
  assert.ok(texts.includes('arg ${1:NAME}=${2:value}'), 'placeholders keep their case');
  const upper = complete('FROM alpine\n|').items.map((i) => (i.textEdit as TextEdit).newText);
  assert.ok(upper.includes('FROM ${1:image}:${2:tag} AS ${3:name}'));
});

// ---------------------------------------------------------------------------------------------
// Flags and their values: a one-line detail and docs in both languages, the default first

/** Every context where flags or flag values are completed: each instruction's flags, each flag's values, --mount keys and values. */
function flagContexts(): string[] {
  const contexts: string[] = [];
  const line = (instruction: string, rest: string) => (instruction === 'FROM' ? `FROM ${rest} alpine` : `FROM alpine AS base\nFROM alpine\n${instruction} ${rest}`);
  for (const [instruction, flags] of Object.entries(flagsByInstruction)) {
    contexts.push(line(instruction, '--|'));
    // Owners (--chown) and patterns (--exclude) are free text: nothing to propose there.
    for (const flag of flags!) if (!['mount', 'chown', 'pattern'].includes(flag.value)) contexts.push(line(instruction, `--${flag.name}=|`));
  }
  contexts.push(line('RUN', '--mount=|'));
  for (const type of mountTypes) contexts.push(line('RUN', `--mount=type=${type.name},|`));
  for (const option of ['type', 'sharing', 'rw', 'ro', 'required', 'mode', 'target']) contexts.push(line('RUN', `--mount=type=${option === 'target' || option === 'ro' || option === 'sharing' || option === 'mode' ? 'cache' : option === 'required' ? 'secret' : 'bind'},${option}=|`));
  return contexts;
}

test('flags, flag values and --mount options: a one-line detail and docs, in English and in Chinese', () => {
  for (const context of flagContexts()) {
    const en = complete(context, 'en').items;
    const zh = complete(context, 'zh-cn').items;
    assert.ok(en.length > 0, `nothing offered at ${JSON.stringify(context)}`);
    assert.equal(en.length, zh.length, context);
    en.forEach((completion, i) => {
      const where = `${JSON.stringify(context)} ${completion.label}`;
      const chinese = zh[i]!;
      assert.ok(completion.detail && !completion.detail.includes('\n'), `${where}: no one-line detail`);
      assert.ok(chinese.detail && !chinese.detail.includes('\n'), `${where}: no one-line Chinese detail`);
      assert.ok(docText(completion).length > 0 && docText(chinese).length > 0, `${where}: no docs`);
      assert.match(docText(chinese), cjk, `${where}: the Chinese docs have no Chinese`);
      // A stage is detailed by its FROM line, which is code in any language.
      if (completion.kind === CompletionItemKind.Module) return;
      assert.doesNotMatch(completion.detail, cjk, `${where}: Chinese in the English detail`);
      assert.match(chinese.detail, cjk, `${where}: the Chinese detail "${chinese.detail}" has no Chinese`);
    });
  }
});

test('--network, --security and mount type/sharing values: the default first and marked, each saying what it does', () => {
  const sorted = (context: string, lang: DocsLanguage = 'en') => [...complete(context, lang).items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
  const cases: [string, string][] = [
    ['FROM alpine\nRUN --network=|', 'default'], ['FROM alpine\nRUN --security=|', 'sandbox'],
    ['FROM alpine\nRUN --mount=type=|', 'bind'], ['FROM alpine\nRUN --mount=type=cache,sharing=|', 'shared'],
  ];
  for (const [context, dflt] of cases) {
    for (const lang of ['en', 'zh-cn'] as const) {
      const items = sorted(context, lang);
      assert.equal(items[0]!.label, dflt, `${context}: ${dflt} first`);
      assert.equal(items[0]!.labelDetails?.description, lang === 'en' ? 'default' : '默认值');
      assert.deepEqual(items.slice(1).filter((i) => i.labelDetails), [], `${context}: one default`);
    }
  }
  const network = sorted('FROM alpine\nRUN --network=|');
  assert.equal(item(network, 'none').detail, 'No network apart from loopback: proves the step is hermetic');
  assert.equal(item(sorted('FROM alpine\nRUN --network=|', 'zh-cn'), 'host').detail, '在宿主机的网络命名空间中运行命令');
  assert.equal(item(sorted('FROM alpine\nRUN --security=|'), 'insecure').detail, 'No sandbox: runs like a privileged container');
  assert.equal(item(complete('FROM alpine\nRUN --|').items, '--network').detail, 'Network of the command: default, none or host');
  assert.equal(item(complete('FROM alpine\nRUN --|', 'zh-cn').items, '--security').detail, '在沙箱中（默认）或以提升的权限运行命令');
});

test('every flag, value and mount option in the docs tables has a detail line that fits one line', () => {
  const entries: [string, DocEntry][] = [];
  for (const [instruction, flags] of Object.entries(flagsByInstruction)) {
    for (const flag of flags!) {
      entries.push([`${instruction} --${flag.name}`, flag]);
      for (const value of flag.values ?? []) entries.push([`${instruction} --${flag.name}=${value.name}`, value]);
    }
  }
  for (const option of mountOptions) entries.push([`--mount ${option.name}`, option]);
  for (const [what, list] of [['type', mountTypes], ['sharing', sharingValues], ['mode', commonModes], ['cache target', commonCacheTargets], ['signal', signals], ['HEALTHCHECK', healthcheckSubcommands]] as const) {
    for (const value of list) entries.push([`${what} ${value.name}`, value]);
  }
  for (const [what, doc] of entries) {
    const en = detailLine(doc, 'en');
    const zh = detailLine(doc, 'zh-cn');
    assert.ok(en.length <= 80, `${what}: "${en}" is ${en.length} characters; give it a brief`);
    assert.ok(zh.length <= 45, `${what}: "${zh}" is ${zh.length} characters; give it a brief`);
    assert.match(zh, cjk, `${what}: "${zh}"`);
  }
});
