// The Dockerfile TextMate grammar, run through VS Code's own tokenizer (vscode-textmate + oniguruma wasm).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { before, describe, it } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const repoRoot = resolve(__dirname, '..', '..');
const grammarPath = resolve(repoRoot, 'syntaxes', 'dockerfile.tmLanguage.json');
const corpusRoot = resolve(repoRoot, '..', 'shared', 'corpus');
// VS Code's shell grammar, present once the editor tests have downloaded code-server; optional.
const shellGrammarPath = resolve(repoRoot, '.vscode-test', 'code-server', 'node_modules', 'code-server', 'lib', 'vscode',
  'extensions', 'shellscript', 'syntaxes', 'shell-unix-bash.tmLanguage.json');

const INSTRUCTIONS = ['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR'];
const KEYWORD = 'keyword.other.special-method.dockerfile';

interface Token { text: string; start: number; scopes: string[] }
type Tokenized = Token[][];

let plain: vsctm.IGrammar;
let withShell: vsctm.IGrammar | undefined;

async function loadGrammar(includeShell: boolean): Promise<vsctm.IGrammar> {
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) => {
      if (scopeName === 'source.dockerfile') return vsctm.parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath);
      if (scopeName === 'source.shell' && includeShell) return vsctm.parseRawGrammar(readFileSync(shellGrammarPath, 'utf8'), shellGrammarPath);
      return null;
    },
  });
  const grammar = await registry.loadGrammar('source.dockerfile');
  assert.ok(grammar, 'grammar loads');
  return grammar;
}

/** Tokenizes a whole file line by line, failing on the tokenizer's "endless loop" complaints. */
function tokenize(text: string, grammar = plain): Tokenized {
  const complaints: unknown[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => { complaints.push(args); };
  try {
    let state = vsctm.INITIAL;
    const out: Tokenized = [];
    for (const line of text.split(/\r?\n/)) {
      const result = grammar.tokenizeLine(line, state, 0);
      assert.equal(result.stoppedEarly, false);
      out.push(result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), start: t.startIndex, scopes: t.scopes })));
      state = result.ruleStack;
    }
    assert.deepEqual(complaints, [], 'the tokenizer reported a grammar loop');
    return out;
  } finally {
    console.error = original;
  }
}

/** Scopes of the token holding the first character of `needle` (the nth occurrence) on line `line`. */
function scopesAt(tokens: Tokenized, line: number, needle: string, nth = 0): string[] {
  const lineTokens = tokens[line];
  assert.ok(lineTokens, `line ${line} exists`);
  const lineText = lineTokens.map((t) => t.text).join('');
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = lineText.indexOf(needle, index + 1);
    assert.ok(index >= 0, `"${needle}" (#${nth}) on line ${line}: ${lineText}`);
  }
  const token = lineTokens.find((t) => t.start <= index && index < t.start + t.text.length);
  assert.ok(token);
  return token.scopes;
}

function assertScope(tokens: Tokenized, line: number, needle: string, scope: string, nth = 0): void {
  const scopes = scopesAt(tokens, line, needle, nth);
  assert.ok(scopes.some((s) => s === scope || s.split(' ').includes(scope)), `"${needle}" on line ${line} should have ${scope}, has ${scopes.join(' | ')}`);
}

function assertNoScope(tokens: Tokenized, line: number, needle: string, scopePrefix: string, nth = 0): void {
  const scopes = scopesAt(tokens, line, needle, nth);
  assert.ok(!scopes.some((s) => s.startsWith(scopePrefix)), `"${needle}" on line ${line} should not have ${scopePrefix}, has ${scopes.join(' | ')}`);
}

before(async () => {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  plain = await loadGrammar(false);
  if (existsSync(shellGrammarPath)) withShell = await loadGrammar(true);
});

describe('dockerfile grammar: source', () => {
  it('the JSON is what scripts/build-dockerfile-grammar.mjs generates', () => {
    execFileSync(process.execPath, [resolve(repoRoot, 'scripts', 'build-dockerfile-grammar.mjs'), '--check'], { stdio: 'pipe' });
  });

  it('has the scope name package.json contributes', () => {
    const grammar = JSON.parse(readFileSync(grammarPath, 'utf8')) as { scopeName: string };
    const pkg = JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8')) as { contributes: { grammars: { scopeName: string; path: string }[] } };
    const contributed = pkg.contributes.grammars.find((g) => g.path.endsWith('dockerfile.tmLanguage.json'));
    assert.equal(contributed?.scopeName, grammar.scopeName);
  });
});

describe('dockerfile grammar: instructions', () => {
  it('marks all 18 instructions as keywords, in any case', () => {
    for (const keyword of INSTRUCTIONS) {
      for (const spelling of [keyword, keyword.toLowerCase(), keyword[0] + keyword.slice(1).toLowerCase()]) {
        const tokens = tokenize(`${spelling} x`);
        assertScope(tokens, 0, spelling, KEYWORD);
      }
    }
  });

  it('does not take a word that merely starts with a keyword', () => {
    const tokens = tokenize('FROMAGE x\nRUNNER y');
    assertNoScope(tokens, 0, 'FROMAGE', 'keyword');
    assertNoScope(tokens, 1, 'RUNNER', 'keyword');
  });

  it('ONBUILD is followed by an instruction with its own arguments', () => {
    const tokens = tokenize('ONBUILD RUN make install\nonbuild copy --chown=app . /src');
    assertScope(tokens, 0, 'ONBUILD', KEYWORD);
    assertScope(tokens, 0, 'RUN', KEYWORD);
    assertScope(tokens, 0, 'make', 'meta.embedded.shell');
    assertScope(tokens, 1, 'copy', KEYWORD);
    assertScope(tokens, 1, 'chown', 'entity.other.attribute-name.flag.dockerfile');
  });

  it('FROM: flags, image, tag, digest, AS and the stage name', () => {
    const tokens = tokenize('FROM --platform=$BUILDPLATFORM registry.example.com:5000/team/golang:1.22-alpine@sha256:0123abcd AS build');
    assertScope(tokens, 0, 'platform', 'entity.other.attribute-name.flag.dockerfile');
    assertScope(tokens, 0, 'BUILDPLATFORM', 'variable.other.dockerfile');
    assertScope(tokens, 0, 'registry.example.com', 'entity.name.type.image.dockerfile');
    assertScope(tokens, 0, 'golang', 'entity.name.type.image.dockerfile');
    assertScope(tokens, 0, '1.22-alpine', 'constant.other.tag.dockerfile');
    assertScope(tokens, 0, 'sha256', 'constant.other.digest.dockerfile');
    assertScope(tokens, 0, 'AS', 'keyword.control.as.dockerfile');
    assertScope(tokens, 0, 'build', 'entity.name.function.stage.dockerfile');
  });

  it('FROM with a variable image and a lower-case `as`', () => {
    const tokens = tokenize('from ${BASE_IMAGE:-alpine}:${TAG} as base');
    assertScope(tokens, 0, 'BASE_IMAGE', 'variable.other.dockerfile');
    assertScope(tokens, 0, ':-', 'keyword.operator.expansion.dockerfile');
    assertScope(tokens, 0, 'TAG', 'variable.other.dockerfile');
    assertScope(tokens, 0, 'as', 'keyword.control.as.dockerfile');
    assertScope(tokens, 0, 'base', 'entity.name.function.stage.dockerfile');
  });

  it('flags with a value, boolean flags, and --mount key=value lists', () => {
    const tokens = tokenize('RUN --mount=type=cache,target=/root/.cache,sharing=locked --network=none pip install .\nCOPY --link --from=build /out /app');
    assertScope(tokens, 0, '--mount', 'punctuation.definition.flag.dockerfile');
    assertScope(tokens, 0, 'mount', 'entity.other.attribute-name.flag.dockerfile');
    assertScope(tokens, 0, 'type', 'variable.parameter.option-key.dockerfile');
    assertScope(tokens, 0, 'cache', 'string.unquoted.flag-value.dockerfile');
    assertScope(tokens, 0, 'target', 'variable.parameter.option-key.dockerfile');
    assertScope(tokens, 0, ',', 'punctuation.separator.option.dockerfile');
    assertScope(tokens, 0, 'network', 'entity.other.attribute-name.flag.dockerfile');
    assertScope(tokens, 0, 'pip', 'meta.embedded.shell');
    assertNoScope(tokens, 0, 'pip', 'meta.flag');
    assertScope(tokens, 1, 'link', 'entity.other.attribute-name.flag.dockerfile');
    assertScope(tokens, 1, 'from', 'entity.other.attribute-name.flag.dockerfile');
    assertScope(tokens, 1, 'build', 'string.unquoted.flag-value.dockerfile');
  });

  it('ARG, ENV and LABEL names, values and both ENV forms', () => {
    const tokens = tokenize('ARG VERSION=1.2 TARGETOS\nENV PATH=/opt/bin:$PATH HOME="/home/app"\nENV LEGACY some value\nLABEL "org.opencontainers.image.title"="app" version=1');
    assertScope(tokens, 0, 'VERSION', 'variable.other.definition.dockerfile');
    assertScope(tokens, 0, '=', 'keyword.operator.assignment.dockerfile');
    assertScope(tokens, 0, 'TARGETOS', 'variable.other.definition.dockerfile');
    assertScope(tokens, 1, 'PATH', 'variable.other.definition.dockerfile');
    assertScope(tokens, 1, 'PATH', 'variable.other.dockerfile', 1);
    assertScope(tokens, 1, '/home/app', 'string.quoted.double.dockerfile');
    assertScope(tokens, 2, 'LEGACY', 'variable.other.definition.dockerfile');
    assertNoScope(tokens, 2, 'some', 'variable');
    assertScope(tokens, 3, 'org.opencontainers', 'entity.other.attribute-name.label.dockerfile');
    assertScope(tokens, 3, 'version', 'entity.other.attribute-name.label.dockerfile');
  });

  it('EXPOSE ports, USER, STOPSIGNAL', () => {
    const tokens = tokenize('EXPOSE 8080/tcp 53/udp 9000-9010\nUSER 10001:10001\nSTOPSIGNAL SIGQUIT');
    assertScope(tokens, 0, '8080', 'constant.numeric.port.dockerfile');
    assertScope(tokens, 0, 'udp', 'constant.language.protocol.dockerfile');
    assertScope(tokens, 0, '9000-9010', 'constant.numeric.port.dockerfile');
    assertScope(tokens, 1, '10001', 'string.unquoted.user.dockerfile');
    assertScope(tokens, 1, '10001', 'string.unquoted.group.dockerfile', 1);
    assertScope(tokens, 2, 'SIGQUIT', 'constant.language.signal.dockerfile');
  });
});

describe('dockerfile grammar: variables and strings', () => {
  it('$VAR, ${VAR}, ${VAR:-default}, ${VAR:+x} and an escaped dollar', () => {
    const tokens = tokenize('ENV A=$HOME B=${USER} C=${PORT:-8080} D=${DEBUG:+-v} E=\\$LITERAL');
    assertScope(tokens, 0, '$HOME', 'variable.other.dockerfile');
    assertScope(tokens, 0, '$', 'punctuation.definition.variable.dockerfile');
    assertScope(tokens, 0, 'USER', 'variable.other.dockerfile');
    assertScope(tokens, 0, '${USER', 'meta.interpolation.variable.dockerfile');
    assertScope(tokens, 0, 'PORT', 'variable.other.dockerfile');
    assertScope(tokens, 0, ':-', 'keyword.operator.expansion.dockerfile');
    assertScope(tokens, 0, '8080', 'meta.interpolation.variable.dockerfile');
    assertScope(tokens, 0, ':+', 'keyword.operator.expansion.dockerfile');
    assertScope(tokens, 0, '\\$', 'constant.character.escape.dockerfile');
    assertNoScope(tokens, 0, 'LITERAL', 'variable.other');
  });

  it('nested defaults stay inside the outer expansion', () => {
    const tokens = tokenize('WORKDIR ${APP_DIR:-${HOME}/app}/src');
    assertScope(tokens, 0, 'HOME', 'variable.other.dockerfile');
    assertScope(tokens, 0, '/app', 'meta.interpolation.variable.dockerfile');
    assertNoScope(tokens, 0, '/src', 'meta.interpolation');
  });

  it('double-quoted strings with escapes and variables, single-quoted strings without expansion', () => {
    const tokens = tokenize('LABEL description="say \\"hi\\" to $NAME" note=\'no $EXPANSION here\'');
    assertScope(tokens, 0, 'say', 'string.quoted.double.dockerfile');
    assertScope(tokens, 0, '\\"', 'constant.character.escape.dockerfile');
    assertScope(tokens, 0, 'NAME', 'variable.other.dockerfile');
    assertScope(tokens, 0, 'no ', 'string.quoted.single.dockerfile');
    assertNoScope(tokens, 0, 'EXPANSION', 'variable');
  });
});

describe('dockerfile grammar: comments and parser directives', () => {
  it('directives at the top have their own scope; the same text later is a comment', () => {
    const tokens = tokenize('# syntax=docker/dockerfile:1\n#escape=`\n# check=skip=JSONArgsRecommended\n# a note\n# syntax=late\nFROM alpine\n# escape=\\');
    for (const line of [0, 1, 2]) {
      assertScope(tokens, line, '#', 'meta.preprocessor.directive.dockerfile');
      assertNoScope(tokens, line, '#', 'comment');
    }
    assertScope(tokens, 0, 'syntax', 'keyword.control.directive.dockerfile');
    assertScope(tokens, 0, 'docker/dockerfile:1', 'string.unquoted.directive-value.dockerfile');
    assertScope(tokens, 1, 'escape', 'keyword.control.directive.dockerfile');
    assertScope(tokens, 2, 'skip=JSONArgsRecommended', 'string.unquoted.directive-value.dockerfile');
    assertScope(tokens, 3, 'a note', 'comment.line.number-sign.dockerfile');
    assertScope(tokens, 4, 'syntax', 'comment.line.number-sign.dockerfile');
    assertScope(tokens, 6, 'escape', 'comment.line.number-sign.dockerfile');
  });

  it('an unknown directive is a comment', () => {
    const tokens = tokenize('# foo=bar\nFROM alpine');
    assertScope(tokens, 0, 'foo', 'comment.line.number-sign.dockerfile');
  });

  it('a # in the middle of an argument is not a comment', () => {
    const tokens = tokenize('ENV COLOR=#ff0000');
    assertNoScope(tokens, 0, '#ff0000', 'comment');
  });
});

describe('dockerfile grammar: exec form', () => {
  it('JSON arrays give strings, separators and flag what is not a string', () => {
    const tokens = tokenize('ENTRYPOINT ["/bin/app", "--port=80", "a\\tb"]\nCMD ["x", oops]\nSHELL ["pwsh", "-Command"]');
    assertScope(tokens, 0, '[', 'punctuation.definition.array.begin.dockerfile');
    assertScope(tokens, 0, '/bin/app', 'string.quoted.double.json.dockerfile');
    assertScope(tokens, 0, '--port', 'string.quoted.double.json.dockerfile');
    assertNoScope(tokens, 0, '--port', 'meta.flag');
    assertScope(tokens, 0, ',', 'punctuation.separator.array.dockerfile');
    assertScope(tokens, 0, '\\t', 'constant.character.escape.dockerfile');
    assertNoScope(tokens, 0, '/bin/app', 'meta.embedded.shell');
    assertScope(tokens, 1, 'oops', 'invalid.illegal.expected-string.dockerfile');
    assertScope(tokens, 2, 'pwsh', 'string.quoted.double.json.dockerfile');
  });

  it('`RUN [ -f x ]` is a shell test, not JSON', () => {
    const tokens = tokenize('RUN [ -f /etc/passwd ] && echo ok');
    assertScope(tokens, 0, '[', 'meta.embedded.shell');
    assertNoScope(tokens, 0, '[', 'meta.array');
  });
});

describe('dockerfile grammar: continuation lines', () => {
  it('a backslash continues the instruction, through comment and empty lines', () => {
    const tokens = tokenize([
      'RUN apt-get update \\',
      '    # refresh first',
      '',
      '    && apt-get install -y curl \\  ',
      '    && rm -rf /var/lib/apt/lists/*',
      'USER app',
    ].join('\n'));
    assertScope(tokens, 0, '\\', 'constant.character.escape.line-continuation.dockerfile');
    assertScope(tokens, 1, 'refresh', 'comment.line.number-sign.dockerfile');
    assertScope(tokens, 3, 'install', 'meta.embedded.shell');
    assertScope(tokens, 3, 'install', 'meta.instruction.run.dockerfile');
    assertScope(tokens, 4, 'rm', 'meta.embedded.shell');
    assertScope(tokens, 5, 'USER', KEYWORD);
    assertNoScope(tokens, 5, 'app', 'meta.embedded.shell');
  });

  it('continued flags and arguments of other instructions', () => {
    const tokens = tokenize('COPY --chown=app:app \\\n     --chmod=644 \\\n     a.txt /dst/\nENV A=1 \\\n    B=$A');
    assertScope(tokens, 1, 'chmod', 'entity.other.attribute-name.flag.dockerfile');
    assertScope(tokens, 2, 'a.txt', 'meta.instruction.copy.dockerfile');
    assertScope(tokens, 4, 'B', 'variable.other.definition.dockerfile');
    assertScope(tokens, 4, '$A', 'variable.other.dockerfile');
  });

  it('a trailing backtick after a space continues the line (escape=`)', () => {
    const tokens = tokenize('# escape=`\nRUN powershell -Command `\n    Write-Host hi\nWORKDIR C:\\app');
    assertScope(tokens, 1, '`', 'constant.character.escape.line-continuation.dockerfile');
    assertScope(tokens, 2, 'Write-Host', 'meta.embedded.shell');
    assertScope(tokens, 3, 'WORKDIR', KEYWORD);
  });

  it('a backtick closing a command substitution is not a continuation', () => {
    const tokens = tokenize('RUN echo `date`\n    echo not-continued');
    assertNoScope(tokens, 0, '`', 'constant.character.escape.line-continuation', 1);
    assertNoScope(tokens, 1, 'echo', 'meta.instruction.run');
  });

  it('a continued JSON array', () => {
    const tokens = tokenize('CMD ["node", \\\n     "server.js"]');
    assertScope(tokens, 1, 'server.js', 'string.quoted.double.json.dockerfile');
    assertScope(tokens, 1, ']', 'punctuation.definition.array.end.dockerfile');
  });
});

describe('dockerfile grammar: heredocs', () => {
  it('RUN <<EOF: the body is embedded shell up to the delimiter line', () => {
    const tokens = tokenize('RUN <<EOF\nset -eux\napt-get update\nEOF\nUSER app');
    assertScope(tokens, 0, '<<', 'keyword.operator.heredoc.dockerfile');
    assertScope(tokens, 0, 'EOF', 'entity.name.tag.heredoc-delimiter.dockerfile');
    assertScope(tokens, 1, 'set', 'meta.embedded.shell');
    assertScope(tokens, 2, 'apt-get', 'meta.heredoc.dockerfile');
    assertScope(tokens, 3, 'EOF', 'entity.name.tag.heredoc-delimiter.dockerfile');
    assertNoScope(tokens, 3, 'EOF', 'meta.embedded.shell');
    assertScope(tokens, 4, 'USER', KEYWORD);
    assertNoScope(tokens, 4, 'USER', 'meta.heredoc');
  });

  it('<<-EOF allows tab-indented delimiters, <<"EOF" quoted ones; COPY bodies are text', () => {
    const tokens = tokenize('COPY <<-"CONF" /etc/app.conf\n\tlisten 80\n\tCONF\nRUN cat <<\'END\' > /x\nhello $NAME\nEND\nEXPOSE 80');
    assertScope(tokens, 0, 'CONF', 'entity.name.tag.heredoc-delimiter.dockerfile');
    assertNoScope(tokens, 0, '/etc/app.conf', 'string.unquoted.heredoc');
    assertScope(tokens, 1, 'listen', 'string.unquoted.heredoc.dockerfile');
    assertScope(tokens, 2, 'CONF', 'entity.name.tag.heredoc-delimiter.dockerfile');
    assertScope(tokens, 3, 'cat', 'meta.embedded.shell');
    assertScope(tokens, 3, 'END', 'entity.name.tag.heredoc-delimiter.dockerfile');
    assertScope(tokens, 4, 'hello', 'meta.heredoc.dockerfile');
    assertScope(tokens, 5, 'END', 'entity.name.tag.heredoc-delimiter.dockerfile');
    assertScope(tokens, 6, 'EXPOSE', KEYWORD);
  });

  it('a heredoc without its delimiter stops at the next instruction', () => {
    const tokens = tokenize('RUN <<EOF\necho one\n\nCOPY a /b\nUSER app');
    assertScope(tokens, 1, 'echo', 'meta.heredoc.dockerfile');
    assertScope(tokens, 3, 'COPY', KEYWORD);
    assertNoScope(tokens, 3, 'COPY', 'meta.heredoc');
    assertScope(tokens, 4, 'USER', KEYWORD);
  });
});

describe('dockerfile grammar: embedded shell', () => {
  it('shell form of RUN, CMD, ENTRYPOINT and HEALTHCHECK CMD is embedded shell', () => {
    const tokens = tokenize('RUN make all\nCMD exec node server.js\nENTRYPOINT /entrypoint.sh\nHEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1\nHEALTHCHECK NONE');
    assertScope(tokens, 0, 'make', 'meta.embedded.shell');
    assertScope(tokens, 0, 'make', 'entity.name.command.shell');
    assertScope(tokens, 1, 'exec', 'meta.embedded.shell');
    assertScope(tokens, 2, '/entrypoint.sh', 'meta.embedded.shell');
    assertScope(tokens, 3, 'CMD', KEYWORD);
    assertScope(tokens, 3, 'curl', 'meta.embedded.shell');
    assertScope(tokens, 3, 'interval', 'entity.other.attribute-name.flag.dockerfile');
    assertScope(tokens, 4, 'NONE', 'constant.language.none.dockerfile');
  });

  it('other instructions are not shell', () => {
    const tokens = tokenize('WORKDIR /app\nCOPY a b\nENV X=1');
    for (const [line, word] of [[0, '/app'], [1, 'a'], [2, 'X']] as const) assertNoScope(tokens, line, word, 'meta.embedded');
  });
});

describe('dockerfile grammar: nothing runs away', () => {
  it('an unclosed quote ends with its instruction', () => {
    const tokens = tokenize('ENV A="unterminated\nLABEL b=\'also\nRUN echo "open\nUSER app\nCMD ["a", "b\nEXPOSE 80');
    assertScope(tokens, 1, 'LABEL', KEYWORD);
    assertNoScope(tokens, 1, 'LABEL', 'string');
    assertScope(tokens, 2, 'RUN', KEYWORD);
    assertScope(tokens, 3, 'USER', KEYWORD);
    assertNoScope(tokens, 3, 'app', 'string.quoted');
    assertScope(tokens, 5, 'EXPOSE', KEYWORD);
    assertScope(tokens, 5, '80', 'constant.numeric.port.dockerfile');
  });

  it('an unclosed ${ ends with the line', () => {
    const tokens = tokenize('ENV A=${B:-x\nUSER app');
    assertScope(tokens, 1, 'USER', KEYWORD);
    assertNoScope(tokens, 1, 'USER', 'meta.interpolation');
  });

  it('with VS Code\'s shell grammar, broken shell cannot swallow the next instruction', (t) => {
    if (!withShell) {
      t.skip(`VS Code's shell grammar is not installed (${shellGrammarPath}); run the editor test set-up to get it`);
      return;
    }
    const tokens = tokenize([
      'RUN echo "never closed',
      'COPY a /b',
      'RUN if true; then \\',
      '      echo yes; \\',
      '    fi && echo "done"',
      'RUN <<EOF',
      'echo "open',
      'EOF',
      'USER app',
      'CMD echo $(date',
      'EXPOSE 80',
    ].join('\n'), withShell);
    assertScope(tokens, 0, 'echo', 'entity.name.command.shell');
    assertScope(tokens, 0, 'never', 'string.quoted.double.shell');
    assertScope(tokens, 1, 'COPY', KEYWORD);
    assertNoScope(tokens, 1, 'COPY', 'meta.embedded');
    assertScope(tokens, 3, 'echo', 'meta.embedded.shell');
    assertScope(tokens, 4, 'fi', 'meta.instruction.run.dockerfile');
    assertScope(tokens, 6, 'open', 'string.quoted.double.shell');
    assertScope(tokens, 8, 'USER', KEYWORD);
    assertNoScope(tokens, 8, 'USER', 'meta.embedded');
    assertScope(tokens, 10, 'EXPOSE', KEYWORD);
  });
});

describe('dockerfile grammar: corpus', () => {
  const indexPath = resolve(corpusRoot, 'INDEX.tsv');
  it('tokenizes every corpus Dockerfile; every instruction line starts with a keyword', (t) => {
    if (!existsSync(indexPath)) {
      t.skip(`corpus not found at ${corpusRoot}`);
      return;
    }
    const files = readFileSync(indexPath, 'utf8').split('\n').slice(1)
      .map((row) => row.split('\t'))
      .filter(([path, area]) => path && (area === 'dockerfile' || (area === 'parser-test' && /Dockerfile$/.test(path))))
      .map(([path]) => resolve(corpusRoot, path!));
    assert.ok(files.length > 100, `found ${files.length} corpus Dockerfiles`);
    // The grammar's notion of a new instruction: upper case at any indentation, any case at column 0.
    const upperCase = new RegExp(`^\\s*(?:${INSTRUCTIONS.join('|')})(?=\\s|$)`);
    const anyCase = new RegExp(`^(?:${INSTRUCTIONS.join('|')})(?=\\s|$)`, 'i');
    const startsInstruction = { test: (line: string) => upperCase.test(line) || anyCase.test(line) };
    for (const grammar of withShell ? [plain, withShell] : [plain]) {
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        const tokens = tokenize(text, grammar);
        text.split(/\r?\n/).forEach((line, index) => {
          if (!startsInstruction.test(line)) return;
          const first = tokens[index]!.find((token) => token.text.trim() !== '');
          assert.ok(first?.scopes.includes(KEYWORD), `${file}:${index + 1}: "${line}" should start with a keyword, got ${first?.scopes.join(' | ')}`);
        });
      }
    }
  });
});

describe('dockerfile language configuration', () => {
  interface OnEnterRule { beforeText: string; previousLineText?: string; action: { indent: string } }
  const config = JSON.parse(readFileSync(resolve(repoRoot, 'language-configuration.json'), 'utf8')) as {
    comments: { lineComment: string }; onEnterRules: OnEnterRule[]; folding: { markers: { start: string; end: string } };
  };
  /** What VS Code does on Enter at the end of `line` (the first rule whose regexes match wins). */
  function onEnter(line: string, previous = ''): string | undefined {
    const rule = config.onEnterRules.find((r) => new RegExp(r.beforeText).test(line)
      && (r.previousLineText === undefined || new RegExp(r.previousLineText).test(previous)));
    return rule?.action.indent;
  }

  it('indents after the first line of a continued instruction, with either escape character', () => {
    assert.equal(onEnter('RUN apt-get update \\'), 'indent');
    assert.equal(onEnter('RUN powershell -Command `'), 'indent');
    assert.equal(onEnter('RUN echo done'), undefined);
  });

  it('keeps the indentation inside a continuation and goes back to column 0 after its last line', () => {
    assert.equal(onEnter('    && apt-get install -y curl \\', 'RUN apt-get update \\'), undefined);
    assert.equal(onEnter('    && rm -rf /var/lib/apt/lists/*', '    && apt-get install -y curl \\'), 'outdent');
    assert.equal(onEnter('    # a comment', 'RUN a \\'), undefined);
  });

  it('comments with # and folds #region blocks', () => {
    assert.equal(config.comments.lineComment, '#');
    assert.ok(new RegExp(config.folding.markers.start).test('# region build'));
    assert.ok(new RegExp(config.folding.markers.end).test('#endregion'));
  });
});
