// The test-side snippet expander must itself be right, or the snippet tests prove nothing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expandSnippet, tabStops } from '../../../server/src/common/snippetSyntax';

describe('snippet expander', () => {
  it('plain tab stops expand to nothing, placeholders to their default', () => {
    assert.equal(expandSnippet('a $1 b ${2} c ${3:three} $0'), 'a  b  c three ');
  });

  it('linked occurrences take the value of the occurrence that defines it, wherever it is', () => {
    assert.equal(expandSnippet('name: $1\nlabel: ${1:web}\nagain: ${1}'), 'name: web\nlabel: web\nagain: web');
  });

  it('choices take the first option unless told otherwise', () => {
    assert.equal(expandSnippet('type: ${1|ClusterIP,NodePort|} / $1'), 'type: ClusterIP / ClusterIP');
    assert.equal(expandSnippet('type: ${1|ClusterIP,NodePort|}', { choices: { 1: 1 } }), 'type: NodePort');
    assert.throws(() => expandSnippet('${1|a,b|}', { choices: { 1: 5 } }), /no choice/);
  });

  it('nested placeholders and mirrors inside defaults', () => {
    assert.equal(expandSnippet('${1:image ${2:nginx}:${3:1.27}} $2'), 'image nginx:1.27 nginx');
    assert.equal(expandSnippet('${2:$1-tls} ${1:web}'), 'web-tls web');
  });

  it('typed values replace defaults everywhere the tab stop appears', () => {
    assert.equal(expandSnippet('${1:web} $1 ${2:$1-svc}', { values: { 1: 'api' } }), 'api api api-svc');
  });

  it('escapes: \\$, \\}, \\\\ and escaped separators in choices', () => {
    assert.equal(expandSnippet('cost \\$5 ${1:a\\}b} back\\\\slash'), 'cost $5 a}b back\\slash');
    assert.equal(expandSnippet('${1|a\\,b,c\\|d|}'), 'a,b');
    assert.equal(expandSnippet('${1|a\\,b,c\\|d|}', { choices: { 1: 1 } }), 'c|d');
    // A backslash before anything else is literal (shell continuations in Dockerfile snippets).
    assert.equal(expandSnippet('RUN a \\\\\n    && b'), 'RUN a \\\n    && b');
    assert.equal(expandSnippet('echo \\n'), 'echo \\n');
  });

  it('a $ that starts nothing is literal text', () => {
    assert.equal(expandSnippet('cost: $ 5, ${ x'), 'cost: $ 5, ${ x');
  });

  it('variables: known ones, defaults, empty ones falling back, unknown ones rejected', () => {
    assert.equal(expandSnippet('$TM_FILENAME_BASE ${TM_FILENAME_BASE}'), 'my-app my-app');
    assert.equal(expandSnippet('${TM_SELECTED_TEXT:none}'), 'none');
    assert.equal(expandSnippet('${MY_OWN:fallback}'), 'fallback');
    assert.equal(expandSnippet('$TM_FILENAME_BASE', { variables: { TM_FILENAME_BASE: 'billing' } }), 'billing');
    assert.throws(() => expandSnippet('$NOT_A_VARIABLE'), /unknown snippet variable/);
  });

  it('an array body is joined with newlines', () => {
    assert.equal(expandSnippet(['a: ${1:x}', 'b: $1']), 'a: x\nb: x');
  });

  it('rejects malformed snippets', () => {
    assert.throws(() => expandSnippet('${1:open'), /unclosed/);
    assert.throws(() => expandSnippet('${1|a,b'), /unclosed choice/);
    assert.throws(() => expandSnippet('${1/(.*)/$1/}'), /transforms/);
    assert.throws(() => expandSnippet('${1:${1:x}}'), /refers to itself/);
  });

  it('lists tab stops with their occurrences, defaults and choices', () => {
    assert.deepEqual(tabStops('${1:a} $1 ${2|x,y|} $3 $0'), [
      { index: 0, occurrences: 1, hasDefault: false },
      { index: 1, occurrences: 2, hasDefault: true },
      { index: 2, occurrences: 1, hasDefault: true, choices: ['x', 'y'] },
      { index: 3, occurrences: 1, hasDefault: false },
    ]);
  });
});
