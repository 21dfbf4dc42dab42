import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dockerfileShell, type RunAnalysis } from '../../../server/src/dockerfile/shell';
import { dockerfile } from '../helpers';

function runs(text: string): { text: string; runs: RunAnalysis[] } {
  return { text, runs: dockerfileShell(dockerfile(text)).runs };
}

/** Each command as `name arg arg`, with nesting depth when it is not 0. */
function summary(text: string, index = 0): string[] {
  const { runs: all } = runs(text);
  return all[index].commands.map((c) => `${c.depth ? `${c.depth}:` : ''}${[c.name, ...c.args.map((a) => a.text)].join(' ')}`);
}

test('splits a RUN on &&, ||, ;, | and keeps the separators', () => {
  const { runs: [run] } = runs('FROM debian\nRUN apt-get update && apt-get install -y curl || true; echo done | tee /log\n');
  assert.deepEqual(run.commands.map((c) => c.name), ['apt-get', 'apt-get', 'true', 'echo', 'tee']);
  assert.deepEqual(run.commands.map((c) => c.separator), [undefined, '&&', '||', ';', '|']);
  assert.equal(run.pipes.length, 1);
  assert.equal(run.commands[4].pipeline.length, 2);
});

test('words keep their exact document ranges across backslash continuations and dropped comment lines', () => {
  const text = 'FROM debian\nRUN apt-get install -y \\\n    # a comment inside the continuation\n    curl \\\n\n    wget\n';
  const { runs: [run] } = runs(text);
  const [install] = run.commands;
  assert.deepEqual(install.args.map((a) => a.text), ['install', '-y', 'curl', 'wget']);
  for (const word of install.args) assert.equal(text.slice(word.start, word.end), word.text);
  const model = dockerfile(text);
  const curl = install.args[2];
  assert.deepEqual(model.document.positionAt(curl.start), { line: 3, character: 4 });
});

test('the backtick escape directive continues lines and leaves backslashes to the shell', () => {
  const text = '# escape=`\nFROM debian\nRUN echo a `\n  && apt-get install -y curl\n';
  assert.deepEqual(summary(text), ['echo a', 'apt-get install -y curl']);
});

test('quotes: single, double and $\'…\' are removed from the value but the range covers them', () => {
  const text = 'FROM debian\nRUN echo \'a b\' "c $HOME" $\'d\\te\' plain"x"\n';
  const { runs: [run] } = runs(text);
  const args = run.commands[0].args;
  assert.deepEqual(args.map((a) => a.text), ['a b', 'c $HOME', 'd\te', 'plainx']);
  assert.equal(text.slice(args[0].start, args[0].end), "'a b'");
  assert.equal(args[1].dynamic, true);
  assert.equal(args[0].dynamic, false);
  assert.equal(args[3].quoted, true);
});

test('command substitution and parameter expansion stay inside one word', () => {
  const { runs: [run] } = runs('FROM debian\nRUN apt-get install -y $(cat /pkgs | tr "\\n" " ") "${EXTRA:-a b}"\n');
  const args = run.commands[0].args;
  assert.equal(args.length, 4);
  assert.equal(args[2].dynamic, true);
  assert.equal(run.pipes.length, 0, 'the pipe inside $( ) is not a pipe of the RUN');
});

test('environment assignments and wrappers are separated from the program', () => {
  const { runs: [run] } = runs('FROM debian\nRUN DEBIAN_FRONTEND=noninteractive sudo -E -u root env A=1 B=2 /usr/bin/apt-get install -y x\n');
  const [command] = run.commands;
  assert.equal(command.name, 'apt-get');
  assert.deepEqual(command.assignments.map((a) => a.text), ['DEBIAN_FRONTEND=noninteractive', 'A=1', 'B=2']);
  assert.deepEqual(command.wrappers, ['sudo', 'env']);
  assert.deepEqual(command.args.map((a) => a.text), ['install', '-y', 'x']);
});

test('xargs, nice, timeout and gosu hand over to the real program', () => {
  assert.deepEqual(summary('FROM debian\nRUN cat list | xargs -r -n 1 apt-get install -y\n'), ['cat list', 'apt-get install -y']);
  assert.deepEqual(summary('FROM debian\nRUN timeout 60 gosu app nice -n 5 make all\n'), ['make all']);
});

test('sh -c and bash -c strings are parsed as scripts with ranges inside the string', () => {
  const text = 'FROM debian\nRUN bash -c "apt-get update && apt-get install -y curl"\n';
  const { runs: [run] } = runs(text);
  assert.deepEqual(run.commands.map((c) => `${c.depth}:${c.name}`), ['0:bash', '1:apt-get', '1:apt-get']);
  const curl = run.commands[2].args[2];
  assert.equal(text.slice(curl.start, curl.end), 'curl');
});

test('two levels of nesting: sh -c inside bash -c', () => {
  const text = 'FROM debian\nRUN bash -c "sh -c \'pip install flask\'"\n';
  assert.deepEqual(summary(text), ['bash -c sh -c \'pip install flask\'', '1:sh -c pip install flask', '2:pip install flask']);
});

test('exec-form RUN is one command; exec-form sh -c is parsed as a script', () => {
  assert.deepEqual(summary('FROM debian\nRUN ["apt-get", "install", "-y", "curl"]\n'), ['apt-get install -y curl']);
  const text = 'FROM debian\nRUN ["/bin/sh", "-c", "apk add \\"curl\\" | cat"]\n';
  const { runs: [run] } = runs(text);
  assert.equal(run.form, 'exec');
  assert.deepEqual(run.commands.map((c) => c.name), ['sh', 'apk', 'cat']);
  const curl = run.commands[1].args[1];
  assert.equal(curl.text, 'curl');
  assert.equal(text.slice(curl.start, curl.end), '\\"curl\\"');
});

test('RUN <<EOF treats the here-document as the script', () => {
  const text = 'FROM debian\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl\nEOF\n';
  assert.deepEqual(summary(text), ['', 'set -e', 'apt-get update', 'apt-get install -y curl']);
  const { runs: [run] } = runs(text);
  assert.equal(run.heredoc, true);
  const curl = run.commands[3].args[2];
  assert.equal(text.slice(curl.start, curl.end), 'curl');
});

test('heredocs: <<-, quoted delimiters, several documents, data heredocs are not commands', () => {
  const text = 'FROM debian\nRUN <<-"SCRIPT" bash\n\tpip install x\n\tcat <<CONF > /etc/app.conf\n\tnot | a command\nCONF\n\tSCRIPT\nRUN python3 <<PY\nimport os | 1\nPY\n';
  const all = runs(text).runs;
  assert.deepEqual(all[0].commands.map((c) => c.name), ['bash', 'pip', 'cat']);
  assert.equal(all[0].pipes.length, 0);
  assert.deepEqual(all[1].commands.map((c) => c.name), ['python3']);
});

test('a shebang for another interpreter keeps the here-document out of shell analysis', () => {
  const text = 'FROM debian\nRUN <<EOF\n#!/usr/bin/env python3\nprint("a" | "b")\nEOF\n';
  assert.deepEqual(summary(text), ['']);
});

test('case patterns and compound commands: no false pipes, commands inside blocks are marked', () => {
  const text = 'FROM debian\nRUN case "$arch" in amd64|x86_64) a=1 ;; *) echo no ;; esac; if true; then cd /x; fi; (cd /y && make)\n';
  const { runs: [run] } = runs(text);
  assert.equal(run.pipes.length, 0);
  const cds = run.commands.filter((c) => c.name === 'cd');
  assert.deepEqual(cds.map((c) => c.inBlock), [true, true]);
  assert.ok(run.commands.some((c) => c.name === 'echo'));
});

test('redirections and their targets are not arguments', () => {
  assert.deepEqual(summary('FROM debian\nRUN curl -o x https://e.x 2>&1 >/dev/null < in\n'), ['curl -o x https://e.x']);
});

test('pipefail: from SHELL, from set -o pipefail, from bash -o pipefail -c, and inherited by base stages', () => {
  const text = [
    'FROM debian AS base',
    'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
    'RUN a | b',
    'FROM base',
    'RUN c | d',
    'FROM debian',
    'RUN e | f',
    'RUN set -euxo pipefail; g | h',
    'RUN bash -eo pipefail -c "i | j"',
    '',
  ].join('\n');
  assert.deepEqual(runs(text).runs.map((r) => r.pipes.map((p) => p.pipefail)), [[true], [true], [false], [true], [true]]);
});

test('PowerShell SHELL disables shell analysis of shell-form RUN', () => {
  const { runs: [run] } = runs('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-Item x | Select-Object Name\n');
  assert.equal(run.posix, false);
  assert.equal(run.commands.length, 0);
});

test('mounts are parsed from RUN flags', () => {
  const { runs: [run] } = runs('FROM debian\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=secret,id=npm apt-get update\n');
  assert.deepEqual(run.mounts.map((m) => [m.type, m.target]), [['cache', '/var/cache/apt'], ['secret', undefined]]);
  assert.equal(run.commands[0].name, 'apt-get');
});

test('stages: names, bases and which stages ship', () => {
  const shell = dockerfileShell(dockerfile('FROM golang:1.22 AS build\nRUN go build\nFROM debian AS base\nFROM base AS final\nCOPY --from=build /x /x\n'));
  assert.deepEqual(shell.stages.map((s) => [s.name, s.base, s.shipped]), [['build', undefined, false], ['base', undefined, true], ['final', 1, true]]);
});

test('the analysis is computed once per model', () => {
  const model = dockerfile('FROM debian\nRUN true\n');
  assert.equal(dockerfileShell(model), dockerfileShell(model));
});

test('hostile input terminates: unbalanced quotes, substitutions and heredocs', () => {
  const nasty = ['RUN echo "unterminated', "RUN echo 'x", 'RUN echo $(((((', 'RUN echo ${{{{', 'RUN <<EOF', 'RUN echo `abc', 'RUN a\\', 'RUN $\'\\', 'RUN ( ( ) ) ) ;; esac fi done }'];
  for (const line of nasty) {
    const result = runs(`FROM debian\n${line}\n`);
    assert.ok(Array.isArray(result.runs));
  }
});

test('Windows base images default to cmd: shell-form RUN is not analysed as POSIX shell', () => {
  const { runs: [win, linux] } = runs('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir | findstr x\nFROM debian:12\nRUN a | b\n');
  assert.equal(win.posix, false);
  assert.deepEqual(win.shell, ['cmd', '/S', '/C']);
  assert.equal(linux.posix, true);
});

test('seeded fuzz: random shell text never throws and every word range lies inside the document', () => {
  const alphabet = ['a', 'b', ' ', ' ', '\\', '\n', '"', "'", '$', '(', ')', '{', '}', '`', '|', '&', ';', '<', '<<', 'EOF', '-', '=', '#', '\t', 'sh -c ', 'apt-get install ', '$(', '${', "$'", '[', ']'];
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (let round = 0; round < 1500; round++) {
    let body = '';
    const length = next() % 40;
    for (let i = 0; i < length; i++) body += alphabet[next() % alphabet.length];
    const text = `FROM debian\nRUN ${body}\nRUN <<EOF\n${body}\nEOF\n`;
    const { runs: all } = runs(text);
    for (const run of all) {
      for (const command of run.commands) {
        for (const word of command.words) {
          assert.ok(word.start >= 0 && word.start <= word.end && word.end <= text.length, `word range in ${JSON.stringify(text)}`);
          assert.equal(word.offsets.length, word.text.length + 1);
        }
      }
    }
  }
});
