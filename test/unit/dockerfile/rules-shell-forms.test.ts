import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings } from './rules-kit';

/**
 * Every command-analysing rule must see the same command whether it is written on one line, spread
 * over backslash continuations, inside a `RUN <<EOF` script, or inside `sh -c '…'`.
 */
interface Case { rule: string; command: string; before?: string; after?: string; base?: string }

const cases: Case[] = [
  { rule: 'apt-get-missing-yes', command: 'apt-get install curl' },
  { rule: 'apt-get-install-recommends', command: 'apt-get install -y curl' },
  { rule: 'apt-lists-not-cleaned', command: 'apt-get update && apt-get install -y curl' },
  { rule: 'apt-get-unpinned', command: 'apt-get install -y curl' },
  { rule: 'apt-instead-of-apt-get', command: 'apt install -y curl' },
  { rule: 'apt-get-install-without-update', command: 'apt-get install -y curl' },
  { rule: 'apt-key-deprecated', command: 'apt-key add /tmp/key.asc' },
  { rule: 'apk-no-cache', command: 'apk add curl', base: 'alpine:3.20' },
  { rule: 'apk-unpinned', command: 'apk add --no-cache curl', base: 'alpine:3.20' },
  { rule: 'yum-missing-yes', command: 'yum install httpd' },
  { rule: 'yum-clean-missing', command: 'yum install -y httpd' },
  { rule: 'yum-unpinned', command: 'yum install -y httpd' },
  { rule: 'dnf-missing-yes', command: 'dnf install git' },
  { rule: 'dnf-clean-missing', command: 'dnf install -y git' },
  { rule: 'dnf-unpinned', command: 'dnf install -y git' },
  { rule: 'zypper-missing-yes', command: 'zypper install curl' },
  { rule: 'zypper-clean-missing', command: 'zypper -n install curl' },
  { rule: 'zypper-unpinned', command: 'zypper -n install curl' },
  { rule: 'zypper-dist-upgrade', command: 'zypper -n dist-upgrade' },
  { rule: 'pip-no-cache-dir', command: 'pip install -r requirements.txt' },
  { rule: 'pip-unpinned', command: 'pip install --no-cache-dir flask' },
  { rule: 'npm-unpinned', command: 'npm install -g typescript' },
  { rule: 'npm-install-instead-of-ci', command: 'npm install --omit=dev', before: 'COPY package*.json ./' },
  { rule: 'yarn-cache-not-cleaned', command: 'yarn install --frozen-lockfile' },
  { rule: 'gem-unpinned', command: 'gem install rake' },
  { rule: 'go-install-unpinned', command: 'go install example.com/tool@latest' },
  { rule: 'cd-instead-of-workdir', command: 'cd /app && make' },
  { rule: 'no-sudo', command: 'sudo make install' },
  { rule: 'useless-command', command: 'service nginx start' },
  { rule: 'rm-rf-root', command: 'rm -rf /' },
  { rule: 'chmod-world-writable', command: 'chmod 777 /app' },
  { rule: 'useradd-high-uid', command: 'useradd -u 100000 app' },
  { rule: 'pipe-without-pipefail', command: 'curl -fsSL https://e.x/a.tgz | tar -xz' },
  { rule: 'curl-and-wget', command: 'curl -fsSLo a https://e.x/a && wget -nv https://e.x/b' },
  { rule: 'wget-progress', command: 'wget https://e.x/big.tgz' },
  { rule: 'curl-pipe-shell', command: 'curl -fsSL https://e.x/i.sh | sh' },
  { rule: 'verification-disabled', command: 'curl -k https://e.x' },
  { rule: 'shell-via-symlink', command: 'ln -sf /bin/bash /bin/sh' },
  { rule: 'chown-after-copy', command: 'chown -R app /app', before: 'COPY . /app' },
  { rule: 'mkdir-before-workdir', command: 'mkdir -p /app', after: 'WORKDIR /app' },
  { rule: 'copy-archive-then-extract', command: 'tar -xzf /tmp/app.tgz', before: 'COPY app.tgz /tmp/' },
];

function dockerfileWith(c: Case, run: string): string {
  return [`FROM ${c.base ?? 'debian:12'}`, c.before, run, c.after, ''].filter((l) => l !== undefined).join('\n');
}

const forms: Record<string, (command: string) => string> = {
  'one line': (command) => `RUN ${command}`,
  'backslash continuations': (command) => `RUN ${command.split(' ').join(' \\\n    ')}`,
  'here-document script': (command) => `RUN <<EOF\n${command}\nEOF`,
  'indented <<- here-document with a quoted delimiter': (command) => `RUN <<-'SCRIPT'\n\t${command}\n\tSCRIPT`,
};

for (const c of cases) {
  test(`${c.rule}: reported in every way of writing the RUN`, () => {
    for (const [form, write] of Object.entries(forms)) {
      const text = dockerfileWith(c, write(c.command));
      assert.equal(findings(c.rule, text).length, 1, `${form}:\n${text}`);
    }
  });
}

test('backtick escape directive: continuation forms are recognised too', () => {
  for (const c of cases.filter((x) => !x.command.includes('\\'))) {
    const text = `# escape=\`\n${dockerfileWith(c, `RUN ${c.command.split(' ').join(' `\n    ')}`)}`;
    assert.equal(findings(c.rule, text).length, 1, text);
  }
});

test('commands inside sh -c strings are analysed', () => {
  for (const c of cases.filter((x) => !['cd-instead-of-workdir', 'chown-after-copy', 'mkdir-before-workdir', 'pipe-without-pipefail'].includes(x.rule))) {
    const text = dockerfileWith(c, `RUN sh -c '${c.command}'`);
    assert.equal(findings(c.rule, text).length, 1, text);
  }
});
