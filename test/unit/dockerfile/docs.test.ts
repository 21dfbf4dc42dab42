import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Position } from 'vscode-languageserver-types';
import type { DocsLanguage, Localized } from '../../../server/src/common/localized';
import * as docs from '../../../server/src/dockerfile/docs';
import {
  buildChecks, checkDirectiveKeys, commonPlatforms, directives, flagsByInstruction, healthcheckSubcommands, instructionDocs, instructionNames,
  mountOptionDocs, mountOptionsByType, mountTypes, networkValues, predefinedArgs, securityValues, sharingValues, signals,
  type DocEntry, type InstructionName,
} from '../../../server/src/dockerfile/docs';
import { dockerfileService } from '../../../server/src/dockerfile/service';
import { contextFor, dockerfile } from '../helpers';

const cjk = /[\u4e00-\u9fff]/;

/** Every `{en, zh}` pair reachable from a value, with the path that leads to it. */
function localizedTexts(value: unknown, path: string, out: { path: string; text: Localized }[], seen = new Set<unknown>()): void {
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  const record = value as Record<string, unknown>;
  if (typeof record.en === 'string' && typeof record.zh === 'string' && Object.keys(record).length === 2) {
    out.push({ path, text: record as unknown as Localized });
    return;
  }
  for (const [key, child] of Object.entries(record)) localizedTexts(child, `${path}.${key}`, out, seen);
}

test('every text in the Dockerfile docs exists in English and real Chinese', () => {
  const texts: { path: string; text: Localized }[] = [];
  for (const [name, table] of Object.entries(docs)) localizedTexts(table, name, texts);
  assert.ok(texts.length > 400, `expected hundreds of texts, found ${texts.length}`);
  for (const { path, text } of texts) {
    assert.ok(text.en.trim().length > 0, `${path}: empty English`);
    assert.ok(text.zh.trim().length > 0, `${path}: empty Chinese`);
    assert.match(text.zh, cjk, `${path}: Chinese text has no CJK characters: ${text.zh}`);
    assert.doesNotMatch(text.en, cjk, `${path}: English text contains CJK characters`);
  }
});

test('every instruction has a summary, syntax, example, pitfalls and snippets', () => {
  assert.equal(instructionNames.length, 18);
  for (const name of instructionNames) {
    const doc = instructionDocs[name];
    assert.ok(doc.syntax.length > 0 && doc.syntax.every((s) => s.toUpperCase().startsWith(name)), `${name} syntax starts with its keyword`);
    assert.ok(doc.example.length > 0, `${name} example`);
    assert.ok(doc.pitfalls.length > 0, `${name} pitfalls`);
    assert.ok(doc.snippets.length > 0, `${name} snippets`);
  }
  assert.equal(instructionDocs.MAINTAINER.deprecated, true);
});

test('the flag tables list every flag BuildKit accepts, with the right owners', () => {
  const names = (k: InstructionName) => (flagsByInstruction[k] ?? []).map((f) => f.name).sort();
  assert.deepEqual(names('FROM'), ['platform']);
  assert.deepEqual(names('COPY'), ['chmod', 'chown', 'exclude', 'from', 'link', 'parents']);
  assert.deepEqual(names('ADD'), ['checksum', 'chmod', 'chown', 'exclude', 'keep-git-dir', 'link', 'unpack']);
  assert.deepEqual(names('RUN'), ['mount', 'network', 'security']);
  assert.deepEqual(names('HEALTHCHECK'), ['interval', 'retries', 'start-interval', 'start-period', 'timeout']);
  assert.deepEqual(mountTypes.map((t) => t.name), ['bind', 'cache', 'tmpfs', 'secret', 'ssh']);
  assert.deepEqual(networkValues.map((v) => v.name), ['default', 'none', 'host']);
  assert.deepEqual(securityValues.map((v) => v.name), ['sandbox', 'insecure']);
  assert.deepEqual(sharingValues.map((v) => v.name), ['shared', 'private', 'locked']);
  for (const alias of ['dst', 'destination', 'src', 'readwrite', 'readonly']) assert.ok(mountOptionDocs[alias], alias);
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGQUIT', 'SIGKILL', 'SIGHUP', 'SIGUSR1', 'SIGUSR2', 'SIGWINCH']) assert.ok(signals.some((s) => s.name === signal), signal);
  for (const platform of ['linux/amd64', 'linux/arm64', 'linux/arm/v7', '$BUILDPLATFORM', '$TARGETPLATFORM']) assert.ok(commonPlatforms.some((p) => p.name === platform), platform);
  const args = predefinedArgs.map((a) => a.name);
  for (const arg of ['TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT',
    'HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy',
    'BUILDKIT_INLINE_CACHE', 'BUILDKIT_MULTI_PLATFORM', 'BUILDKIT_SANDBOX_HOSTNAME', 'BUILDKIT_CONTEXT_KEEP_GIT_DIR', 'BUILDKIT_SYNTAX', 'SOURCE_DATE_EPOCH']) {
    assert.ok(args.includes(arg), arg);
  }
  assert.equal(buildChecks.length, 22);
});

// ---------------------------------------------------------------------------------------------
// Hover on every documented thing, at a real position of a generated Dockerfile.

interface Probe {
  /** What is being checked, for failure messages. */
  what: string;
  line: number;
  character: number;
  doc: DocEntry;
  /** The exact text the hover range must cover. */
  word: string;
}

function sampleValue(instruction: InstructionName, flag: docs.FlagDoc): string {
  switch (flag.value) {
    case 'enum': return flag.values![0].name;
    case 'platform': return 'linux/arm64';
    case 'stage': return 'base';
    case 'chown': return '1000:1000';
    case 'chmod': return '755';
    case 'boolean': return 'true';
    case 'pattern': return '*.md';
    case 'checksum': return 'sha256:0000';
    case 'duration': return '10s';
    case 'integer': return '3';
    default: return instruction;
  }
}

const argsFor: Partial<Record<InstructionName, string>> = { FROM: 'alpine:3.20', COPY: 'a /b/', ADD: 'a /b/', RUN: 'true', HEALTHCHECK: 'CMD true' };

function generate(): { text: string; probes: Probe[] } {
  const lines: string[] = [];
  const probes: Probe[] = [];
  const add = (line: string): number => lines.push(line) - 1;
  const probe = (what: string, line: number, word: string, doc: DocEntry, from = 0): void => {
    const character = lines[line].indexOf(word, from);
    assert.ok(character >= 0, `${what}: "${word}" not on line ${lines[line]}`);
    probes.push({ what, line, character, doc, word });
  };
  const syntax = add('# syntax=docker/dockerfile:1');
  const escape = add('# escape=\\');
  const check = add(`# check=skip=${buildChecks.map((c) => c.name).join(',')};error=true`);
  probe('directive syntax', syntax, 'syntax', directives[0]);
  probe('directive escape', escape, 'escape', directives[1]);
  probe('directive check', check, 'check', directives[2]);
  probe('check key skip', check, 'skip', checkDirectiveKeys[0]);
  probe('check key error', check, 'error', checkDirectiveKeys[1]);
  for (const rule of buildChecks) probe(`check rule ${rule.name}`, check, rule.name, rule, lines[check].indexOf('=skip=') + 5);
  add('FROM alpine:3.20 AS base');
  for (const [instruction, flags] of Object.entries(flagsByInstruction) as [InstructionName, docs.FlagDoc[]][]) {
    for (const flag of flags) {
      if (flag.value === 'mount') continue;
      const value = sampleValue(instruction, flag);
      const line = add(`${instruction} --${flag.name}=${value} ${argsFor[instruction]}`);
      probe(`${instruction} --${flag.name}`, line, `--${flag.name}`, flag);
      for (const v of flag.value === 'enum' ? flag.values ?? [] : []) {
        const valueLine = add(`${instruction} --${flag.name}=${v.name} ${argsFor[instruction]}`);
        probe(`${instruction} --${flag.name}=${v.name}`, valueLine, v.name, v, lines[valueLine].indexOf('=') + 1);
      }
    }
  }
  for (const platform of commonPlatforms.filter((p) => !p.name.startsWith('$'))) {
    const line = add(`FROM --platform=${platform.name} alpine:3.20`);
    probe(`platform ${platform.name}`, line, platform.name, platform);
  }
  const mount = flagsByInstruction.RUN!.find((f) => f.name === 'mount')!;
  probe('RUN --mount', add('RUN --mount=type=cache,target=/c true'), '--mount', mount);
  for (const type of mountTypes) {
    const typeLine = add(`RUN --mount=type=${type.name} true`);
    probe(`mount type=${type.name}`, typeLine, type.name, type);
    for (const name of mountOptionsByType[type.name as docs.MountType]) {
      const option = mountOptionDocs[name];
      for (const spelling of [name, ...(option.aliases ?? [])]) {
        if (spelling === 'type') continue;
        const value = option.value === 'sharing' ? 'locked' : option.value === 'boolean' ? 'true' : option.value === 'stage' ? 'base' : '/x';
        const line = add(`RUN --mount=type=${type.name},${spelling}=${value} true`);
        probe(`mount ${type.name} ${spelling}`, line, `${spelling}=`.slice(0, spelling.length), option, lines[line].indexOf(',') + 1);
      }
    }
  }
  for (const sharing of sharingValues) {
    const line = add(`RUN --mount=type=cache,target=/c,sharing=${sharing.name} true`);
    probe(`sharing=${sharing.name}`, line, sharing.name, sharing, lines[line].indexOf('sharing=') + 8);
  }
  for (const sub of healthcheckSubcommands) {
    const line = add(sub.name === 'NONE' ? 'HEALTHCHECK NONE' : 'HEALTHCHECK --retries=3 CMD true');
    probe(`HEALTHCHECK ${sub.name}`, line, sub.name, sub);
  }
  for (const signal of signals) probe(`signal ${signal.name}`, add(`STOPSIGNAL ${signal.name}`), signal.name, signal);
  for (const arg of predefinedArgs) {
    probe(`ARG ${arg.name}`, add(`ARG ${arg.name}`), arg.name, arg);
    const line = add(`RUN echo \${${arg.name}}`);
    probe(`$${arg.name}`, line, `\${${arg.name}}`, arg);
  }
  for (const name of instructionNames) {
    if (name === 'ONBUILD') continue;
    const doc = instructionDocs[name];
    probe(`keyword ${name}`, add(`${name} x`), name, doc);
  }
  probe('keyword ONBUILD', add('ONBUILD RUN true'), 'ONBUILD', instructionDocs.ONBUILD);
  return { text: lines.join('\n') + '\n', probes };
}

for (const lang of ['en', 'zh-cn'] as DocsLanguage[]) {
  test(`hover shows the ${lang} docs of every instruction, flag, value, mount option, directive, check and predefined arg`, () => {
    const { text, probes } = generate();
    const model = dockerfile(text);
    const ctx = contextFor(lang);
    assert.ok(probes.length > 150, `only ${probes.length} probes`);
    for (const probe of probes) {
      for (const offset of [0, Math.floor(probe.word.length / 2)]) {
        const position: Position = { line: probe.line, character: probe.character + offset };
        const hover = dockerfileService.hover!(model, position, ctx);
        assert.ok(hover, `${probe.what}: no hover at ${JSON.stringify(position)}`);
        const value = (hover.contents as { value: string }).value;
        const summary = lang === 'zh-cn' ? probe.doc.summary.zh : probe.doc.summary.en;
        assert.ok(value.includes(summary), `${probe.what} (${lang}): hover lacks the summary "${summary}"\n${value}`);
        assert.deepEqual(hover.range, { start: { line: probe.line, character: probe.character }, end: { line: probe.line, character: probe.character + probe.word.length } }, `${probe.what}: hover range`);
      }
    }
  });
}
