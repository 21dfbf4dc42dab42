import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { UserFacingError } from '../../../server/src/common/errors';
import { dockerfileRename } from '../../../server/src/dockerfile/navigation';
import { semanticsOf } from '../../../server/src/dockerfile/semantic';
import { dockerfileSemanticTokens } from '../../../server/src/dockerfile/tokens';
import { corpusAvailable, corpusEntries, corpusMissingMessage, readCorpusFile } from '../../corpus/corpus';
import { contextFor, dockerfile } from '../helpers';

/**
 * Rename and semantic tokens over every real Dockerfile of the shared corpus: renaming a stage or
 * a variable must keep the file's structure (same references resolving to the same places, under
 * the new name), and tokens must be well-formed.
 */

const files = corpusEntries().filter((e) => e.area === 'dockerfile');
const ctx = contextFor();
const skip = corpusAvailable ? false : corpusMissingMessage;

function apply(text: string, edits: TextEdit[]): string {
  for (let i = 1; i < edits.length; i++) {
    const a = edits[i - 1].range.end;
    const b = edits[i].range.start;
    assert.ok(a.line < b.line || (a.line === b.line && a.character <= b.character), 'rename edits are sorted and do not overlap');
  }
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'dockerfile', 1, text), edits);
}

/** Where each stage reference points, by stage index: unchanged by any rename. */
function stageShape(text: string): string[] {
  return semanticsOf(dockerfile(text)).stageReferences.map((r) => `${r.kind}@${r.range.start.line}->${r.target?.index ?? '-'}`);
}

/** Which references resolve to a declaration on which line (columns shift with the name's length). */
function variableShape(text: string): string[] {
  return semanticsOf(dockerfile(text)).references.map((r) => `${r.nameRange.start.line}->${r.declaration?.line ?? '-'}`);
}

test('renaming every named stage keeps every stage reference pointing at the same stage', { skip }, () => {
  let renamed = 0;
  for (const entry of files) {
    const { path } = entry;
    const text = readCorpusFile(entry);
    const model = dockerfile(text);
    const before = stageShape(text);
    for (const stage of semanticsOf(model).stages) {
      // `AS ${NAME}` (buildah allows it) is a variable reference, not a name to rename.
      if (!stage.nameRange || !stage.name || stage.name.includes('$')) continue;
      const newName = `renamed-${stage.index}`;
      const edit = dockerfileRename(model, stage.nameRange.start, newName, ctx);
      const after = apply(text, edit?.changes?.[model.document.uri] ?? []);
      assert.deepEqual(stageShape(after), before, `${path}: stage ${stage.name}`);
      assert.equal(semanticsOf(dockerfile(after)).stages[stage.index].name, newName, path);
      renamed++;
    }
  }
  assert.ok(renamed > 50, `renamed ${renamed} stages`);
});

test('renaming every declared variable keeps every reference resolving to the same declaration', { skip }, () => {
  let renamed = 0;
  for (const entry of files) {
    const { path } = entry;
    const text = readCorpusFile(entry);
    const model = dockerfile(text);
    const before = variableShape(text);
    const seen = new Set<string>();
    for (const [index, declaration] of semanticsOf(model).declarations.entries()) {
      const key = `${declaration.stage?.index ?? 'g'}:${declaration.name}`;
      // A handful per file keeps the test quick; the corpus still gives hundreds of renames.
      if (seen.has(key) || seen.size >= 5) continue;
      seen.add(key);
      let edit;
      try {
        edit = dockerfileRename(model, declaration.nameRange.start, 'STEVEDORE_RENAMED', ctx);
      } catch (error) {
        assert.ok(error instanceof UserFacingError, `${path}: ${String(error)}`);
        continue;
      }
      const after = apply(text, edit?.changes?.[model.document.uri] ?? []);
      const where = `${path}: ${declaration.kind} ${declaration.name} on line ${declaration.line + 1}`;
      assert.deepEqual(variableShape(after), before, where);
      assert.equal(semanticsOf(dockerfile(after)).declarations[index]?.name, 'STEVEDORE_RENAMED', where);
      renamed++;
    }
  }
  assert.ok(renamed > 200, `renamed ${renamed} variables`);
});

test('semantic tokens are ordered, non-overlapping and within their lines', { skip }, () => {
  for (const entry of files) {
    const { path } = entry;
    const text = readCorpusFile(entry);
    const lines = text.split(/\r\n|\r|\n/);
    const data = dockerfileSemanticTokens(dockerfile(text), ctx);
    let line = 0;
    let character = 0;
    let end = 0;
    for (let i = 0; i < data.length; i += 5) {
      const [deltaLine, deltaChar, length] = data.slice(i, i + 5);
      if (deltaLine > 0) end = 0;
      line += deltaLine;
      character = deltaLine === 0 ? character + deltaChar : deltaChar;
      assert.ok(length > 0 && character >= end, `${path}: token at ${line}:${character} overlaps`);
      assert.ok(character + length <= lines[line].length, `${path}: token at ${line}:${character} runs past the line`);
      end = character + length;
    }
  }
});
