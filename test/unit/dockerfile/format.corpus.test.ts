import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { formatDockerfile } from '../../../server/src/dockerfile/format';
import type { DockerfileModel } from '../../../server/src/dockerfile/model';
import { heredocsOf } from '../../../server/src/dockerfile/semantic';
import { corpusAvailable, corpusEntries, corpusMissingMessage, readCorpusFile } from '../../corpus/corpus';
import { contextFor, dockerfile } from '../helpers';

/**
 * Formats every real Dockerfile of the shared corpus and checks that formatting is idempotent and
 * changes no meaning: same instructions, same arguments (whitespace-normalized), same logical text
 * outside whitespace, heredoc bodies byte for byte.
 */

/** A template with placeholders, not a Dockerfile. */
const skipped = new Set(['dockerfile/docker-library__mysql/Dockerfile.oracle']);

function formatText(text: string, settings?: unknown): string {
  const model = dockerfile(text);
  const edits = formatDockerfile(model, { tabSize: 4, insertSpaces: true }, contextFor('en', { settings }));
  return TextDocument.applyEdits(model.document, edits);
}

/** `FROM image as name`: BuildKit reads the AS case-insensitively, and the formatter upper-cases it. */
function foldAs(keyword: string, args: string): string {
  return keyword.toUpperCase() === 'FROM' ? args.replace(/^((?:--\S+ )*\S+ )as(?= \S)/i, '$1AS') : args;
}

/** What BuildKit would read, as comparable data. */
function meaning(model: DockerfileModel): { keyword: string; args: string; heredocs: string[] }[] {
  return model.ast.getInstructions().map((instruction) => ({
    keyword: instruction.getKeyword().toUpperCase(),
    args: foldAs(instruction.getKeyword(), instruction.getArguments().map((a) => a.getValue()).join(' ').replace(/\s+/g, ' ').trim()),
    heredocs: heredocsOf(instruction).map((h) => {
      const content = h.getContentRange();
      const delimiter = h.getDelimiterRange();
      return `${h.getName()}|${content ? model.document.getText(content) : ''}|${delimiter ? model.document.getText(delimiter) : ''}`;
    }),
  }));
}

/** Every non-whitespace character of the file, in order, with keywords folded to upper case. */
function ink(model: DockerfileModel): string {
  return model.document.getText().replace(/^[ \t]*([A-Za-z]+)/gm, (_m, word: string) => word.toUpperCase())
    .replace(/^(FROM[ \t]+(?:--\S+[ \t]+)*\S+[ \t]+)as(?=[ \t])/gim, '$1AS').replace(/\s+/g, '');
}

/**
 * Each instruction's logical line as the parser builds it (continuations joined, comment and
 * empty lines inside dropped), with whitespace runs collapsed only outside quotes: a change of
 * spaces inside a string shows up here, while re-indentation does not.
 */
function logicalLines(model: DockerfileModel): string[] {
  const escape = model.ast.getEscapeCharacter();
  return model.ast.getInstructions().map((instruction) => {
    const range = instruction.getRange();
    const lastLine = heredocsOf(instruction).length ? range.start.line : range.end.line;
    const lines = model.document.getText({ start: range.start, end: { line: lastLine + 1, character: 0 } }).split(/\r\n|\r|\n/).slice(0, lastLine - range.start.line + 1);
    let joined = '';
    lines.forEach((line, i) => {
      if (i > 0 && (/^[ \t]*#/.test(line) || line.trim() === '')) return;
      joined += i < lines.length - 1 ? line.replace(new RegExp(`${escape === '\\' ? '\\\\' : escape}[ \\t]*$`), '') : line;
    });
    // Instructions that keep their text verbatim (`WORKDIR`, `USER`, legacy `ENV NAME value`…):
    // every space counts, so compare them exactly.
    const keyword = instruction.getKeyword().toUpperCase();
    const firstArg = instruction.getArguments()[0]?.getValue() ?? '';
    const verbatim = ['WORKDIR', 'USER', 'MAINTAINER', 'STOPSIGNAL'].includes(keyword) || (['ENV', 'LABEL'].includes(keyword) && !firstArg.includes('='));
    // (The gap after the keyword is only a separator.)
    if (verbatim) return `${keyword} ${joined.trim().replace(/^[A-Za-z]+\s*/, '')}`;
    let out = '';
    let quote = '';
    for (let i = 0; i < joined.length; i++) {
      const ch = joined[i];
      if (quote) {
        out += ch;
        if (ch === escape && quote === '"') out += joined[++i] ?? '';
        else if (ch === quote) quote = '';
      } else if (/\s/.test(ch)) {
        if (!out.endsWith(' ')) out += ' ';
      } else {
        out += ch;
        if (ch === escape) out += joined[++i] ?? '';
        else if (ch === '"' || ch === "'") quote = ch;
      }
    }
    const line = out.trim().replace(/^[A-Za-z]+/, (k) => k.toUpperCase());
    return line.startsWith('FROM ') ? `FROM ${foldAs('FROM', line.slice(5))}` : line;
  });
}

// The Dockerfiles of the index, without the deliberately broken `*.bad` files and the template.
const files = corpusEntries().filter((e) => (e.area === 'dockerfile' || e.area === 'parser-test') && !e.path.endsWith('.bad') && !skipped.has(e.path));

test('corpus formatting: idempotent, same meaning, heredocs byte-identical', { skip: corpusAvailable ? false : corpusMissingMessage }, () => {
  let changed = 0;
  for (const entry of files) {
    const name = entry.path;
    const original = readCorpusFile(entry);
    for (const settings of [undefined, { format: { uppercaseKeywords: false, continuationIndent: 2 } }]) {
      const once = formatText(original, settings);
      assert.equal(formatText(once, settings), once, `${name}: formatting twice changes more`);
      const before = dockerfile(original);
      const after = dockerfile(once);
      assert.deepEqual(meaning(after), meaning(before), `${name}: instructions or arguments changed`);
      assert.equal(ink(after), ink(before), `${name}: non-whitespace text changed`);
      assert.deepEqual(logicalLines(after), logicalLines(before), `${name}: logical lines changed`);
      if (settings === undefined && once !== original) changed++;
    }
  }
  assert.ok(files.length > 20, `expected the corpus to hold Dockerfiles, found ${files.length}`);
  assert.ok(changed > 0, 'the formatter changed at least one corpus file');
});
