import assert from 'node:assert/strict';
import { test } from 'node:test';
import { largeDockerfile } from '../../../bench/inputs';
import { incrementalParseCounts } from '../../../server/src/dockerfile/incrementalParse';
import '../../../server/src/dockerfile/model';
import { seededRandom } from '../seededRandom';
import { parseAndCompare, withTuning, type ParsedVersion } from './treeSnapshot';

/**
 * incrementalParse.ts hands each comment to the initial instructions or to the stage that holds it
 * with a binary search over ranges read once, in place of dockerfile-ast's organizeComments (every
 * stage's range read again for every comment). The snapshot compared here holds every template's
 * comments, so after each edit the comments must sit exactly where a full parse puts them: comments
 * before the first FROM, above a FROM, between and inside a stage's instructions, inside continued
 * instructions, on the first and last lines, and at the end of the file; edits add, remove and move
 * them across stage boundaries.
 */

/** Many stages, comments in every kind of place. */
function commentedDockerfile(stages: number): string {
  const lines = ['# leading comment', '# syntax-like: not a directive here', 'ARG BASE=1', '# between the ARGs', 'ARG OTHER', ''];
  for (let s = 0; s < stages; s++) {
    lines.push(`# above stage ${s}`, `FROM alpine:3.${s % 20} AS s${s}`, `# first in stage ${s}`);
    lines.push('RUN apk add --no-cache curl \\', `    # inside a continuation of stage ${s}`, '    && echo done');
    if (s % 3 === 0) lines.push('', `   # indented in stage ${s}`, '');
    lines.push(`COPY --from=s${Math.max(0, s - 1)} /a /b`, `# last in stage ${s}`);
  }
  lines.push('# trailing comment', '#');
  return lines.join('\n');
}

const commentLines = ['# typed comment', '#', '   # indented typed comment', '# FROM not an instruction'];

function session(text: string, seed: number, edits: number): void {
  const next = seededRandom(seed);
  const uri = `file:///organize-comments/${seed}/Dockerfile`;
  let previous: ParsedVersion | undefined = parseAndCompare(uri, text, `seed ${seed}, first parse`, undefined);
  previous = parseAndCompare(uri, text, `seed ${seed}, second parse`, previous);
  for (let e = 0; e < edits; e++) {
    const lines = text.split('\n');
    const line = Math.floor(next() * lines.length);
    const kind = next();
    if (kind < 0.35) lines.splice(line, 0, commentLines[Math.floor(next() * commentLines.length)]);
    else if (kind < 0.55 && lines[line].trimStart().startsWith('#')) lines.splice(line, 1);
    else if (kind < 0.75) lines[line] = ` ${lines[line]}`;
    else if (kind < 0.85) lines.splice(line, 0, `FROM busybox AS inserted${e}`);
    else lines[line] = lines[line].replace(/^\s/, '');
    text = lines.join('\n');
    previous = parseAndCompare(uri, text, `seed ${seed}, edit ${e}`, previous);
  }
}

test('comments go to the stage a full parse gives them, edit after edit', () => {
  withTuning({ minLength: 0 }, () => {
    const before = incrementalParseCounts.incremental;
    for (let seed = 1; seed <= 4; seed++) session(commentedDockerfile(12 + seed * 5), seed, 60);
    assert.ok(incrementalParseCounts.incremental - before > 150, 'most versions were parsed incrementally');
  });
});

test('the bench file with its trailing comments, typed into as the bench types', () => {
  withTuning({ minLength: 0 }, () => {
    const text = largeDockerfile(300);
    const line = Math.floor(text.split('\n').length / 2);
    const lines = text.split('\n');
    const uri = 'file:///organize-comments/bench/Dockerfile';
    let previous: ParsedVersion | undefined;
    for (let i = 0; i < 6; i++) {
      lines[line] = i % 2 === 0 ? ` ${lines[line]}` : lines[line].slice(1);
      previous = parseAndCompare(uri, lines.join('\n'), `bench edit ${i}`, previous);
    }
  });
});
