// Every Dockerfile snippet, expanded with its defaults (and with each choice), must parse and get no
// warning or error from our Dockerfile diagnostics. Fragments are checked inside a minimal Dockerfile.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { expandSnippet, tabStops, type ExpandOptions } from '../../../server/src/common/snippetSyntax';
import { dockerfileService } from '../../../server/src/dockerfile/service';
import { contextFor, dockerfile } from '../helpers';
import { assertBilingual, assertPrefixes, assertTabStopsInOrder, loadSnippets, prefixesOf, type SnippetEntry } from './snippetFile';

const entries = loadSnippets('snippets/dockerfile.json');
const INSTRUCTIONS = new Set(['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);

function isTemplate(text: string): boolean {
  return /^FROM\s/m.test(text);
}

/** A whole Dockerfile around the expanded snippet: templates stand alone, fragments get a FROM and a USER. */
function dockerfileFor(entry: SnippetEntry, options: ExpandOptions = {}): string {
  const text = expandSnippet(entry.body, options);
  if (isTemplate(text)) return text;
  const base = /\bapk\b|\badduser\b/.test(text) ? 'alpine:3.21.0' : 'debian:12.8-slim';
  const directive = /^# syntax=/.test(text) ? '' : '# syntax=docker/dockerfile:1\n';
  const user = /^USER\s/m.test(text) ? '' : 'USER 10001:10001\n';
  if (directive === '') return `${text.trimEnd()}\nFROM ${base}\n${user}`;
  return `${directive}FROM ${base}\n${text.trimEnd()}\n${user}`;
}

function problems(text: string): Diagnostic[] {
  return dockerfileService.diagnose!(dockerfile(text), contextFor())
    .filter((d) => d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning);
}

function describeProblems(list: Diagnostic[]): string {
  return list.map((d) => `${d.code}: ${d.message} (line ${d.range.start.line + 1})`).join('\n');
}

describe('dockerfile snippets: the file', () => {
  it('keeps the snippet the editor test inserts by name', () => {
    assert.ok(entries.some(([name]) => name === 'HEALTHCHECK over HTTP'));
  });

  it('prefixes are unique and none is a bare instruction keyword other than the HEALTHCHECK one', () => {
    assertPrefixes(entries, ['HEALTHCHECK']);
    for (const [name, entry] of entries) {
      if (name === 'HEALTHCHECK over HTTP') continue;
      for (const prefix of prefixesOf(entry)) assert.ok(!INSTRUCTIONS.has(prefix.toUpperCase()), `${name}: prefix "${prefix}" would compete with the ${prefix.toUpperCase()} keyword`);
    }
  });

  it('has multi-stage templates for Node.js, Python, Go and Java, and the building blocks', () => {
    const names = entries.map(([name]) => name).join('\n');
    for (const needle of ['Node.js', 'Python', 'Go', 'Java', 'HEALTHCHECK', 'Non-root user', 'apt-get install', 'heredoc', 'syntax directive']) {
      assert.ok(names.includes(needle), `no snippet for ${needle}`);
    }
  });
});

for (const [name, entry] of entries) {
  describe(`dockerfile snippet: ${name}`, () => {
    it('has an English and a Chinese description and tab stops in order', () => {
      assertBilingual(name, entry.description);
      assertTabStopsInOrder(name, entry.body);
    });

    it('parses into known instructions and gets no warning or error', () => {
      const text = dockerfileFor(entry);
      const model = dockerfile(text);
      const instructions = model.ast.getInstructions();
      assert.ok(instructions.length > 0, `${name}: no instruction`);
      for (const instruction of instructions) assert.ok(INSTRUCTIONS.has(instruction.getKeyword()), `${name}: unknown instruction ${instruction.getKeyword()}`);
      const found = problems(text);
      assert.equal(found.length, 0, `${name}:\n${describeProblems(found)}\n---\n${text}`);
    });

    it('every choice gives a clean Dockerfile too', () => {
      for (const stop of tabStops(entry.body).filter((s) => s.choices)) {
        stop.choices!.forEach((choice, i) => {
          const found = problems(dockerfileFor(entry, { choices: { [stop.index]: i } }));
          assert.equal(found.length, 0, `${name} with ${choice}:\n${describeProblems(found)}`);
        });
      }
    });

    if (isTemplate(expandSnippet(entry.body))) it('is a whole Dockerfile: directive first, pinned bases, final stage runs as a non-root user', () => {
      const text = expandSnippet(entry.body);
      assert.match(text, /^# syntax=docker\/dockerfile:1\n/, `${name}: starts with the syntax directive`);
      const model = dockerfile(text);
      const stages = model.ast.getFROMs();
      const stageNames = new Set(stages.map((from) => from.getBuildStage()).filter((s): s is string => !!s));
      for (const from of stages) {
        const image = from.getImage() ?? '';
        if (image === 'scratch' || stageNames.has(image)) continue;
        assert.match(image, /:[\w][\w.-]*$|@sha256:[0-9a-f]{64}$/, `${name}: ${image} is pinned to a tag or digest`);
        assert.doesNotMatch(image, /:latest$/, `${name}: ${image} is not latest`);
      }
      const finalStage = text.slice(text.lastIndexOf('\nFROM '));
      const users = [...finalStage.matchAll(/^USER\s+(\S+)/gm)].map((m) => m[1]!);
      assert.ok(users.length > 0, `${name}: the final stage sets USER`);
      const user = users[users.length - 1]!.split(':')[0]!;
      assert.ok(user !== 'root' && user !== '0', `${name}: the final stage runs as ${user}`);
    });
  });
}
