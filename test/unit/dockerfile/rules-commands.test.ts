import assert from 'node:assert/strict';
import { test } from 'node:test';
import { worldWritable } from '../../../server/src/dockerfile/rules/commands';
import { assertClean, assertFix, assertNoFix, assertReports, covered, findings } from './rules-kit';

test('cd-instead-of-workdir: a RUN that opens with cd', () => {
  const text = 'FROM debian:12\nRUN cd /app && make\n';
  const [finding] = assertReports('cd-instead-of-workdir', text);
  assert.equal(covered(text, finding), 'cd /app');
  assertReports('cd-instead-of-workdir', 'FROM debian:12\nRUN set -eux; \\\n    cd /usr/src/app; \\\n    make\n');
  assertReports('cd-instead-of-workdir', 'FROM debian:12\nRUN <<EOF\ncd /app\nmake\nEOF\n');
  assertClean('cd-instead-of-workdir', 'FROM debian:12\nRUN make && cd / && rm -rf /usr/src/app\n');
  assertClean('cd-instead-of-workdir', 'FROM debian:12\nRUN (cd /src && make)\n');
  assertClean('cd-instead-of-workdir', 'FROM debian:12\nWORKDIR /app\nRUN make\n');
});

test('no-sudo: sudo as a wrapper or alone', () => {
  const text = 'FROM debian:12\nRUN sudo apt-get install -y curl\n';
  const [finding] = assertReports('no-sudo', text);
  assert.equal(covered(text, finding), 'sudo');
  assertReports('no-sudo', 'FROM debian:12\nRUN <<EOF\nsudo -u app make install\nEOF\n');
  assertClean('no-sudo', 'FROM debian:12\nRUN apt-get install -y sudo && echo "app ALL=(ALL) NOPASSWD: ALL" > /etc/sudoers.d/app\n');
});

test('useless-command: interactive or machine-level commands', () => {
  assertReports('useless-command', 'FROM debian:12\nRUN service nginx start\n');
  assertReports('useless-command', 'FROM debian:12\nRUN apt-get install -y vim && vim /etc/x\n');
  assertReports('useless-command', 'FROM debian:12\nRUN <<EOF\nshutdown -h now\nEOF\n');
  assertClean('useless-command', 'FROM debian:12\nRUN apt-get install -y vim procps\n');
});

test('rm-rf-root: the root directory only', () => {
  assertReports('rm-rf-root', 'FROM debian:12\nRUN rm -rf /\n');
  assertReports('rm-rf-root', 'FROM debian:12\nRUN rm -fr /*\n');
  assertReports('rm-rf-root', 'FROM debian:12\nRUN rm --recursive --no-preserve-root "$DIR"\n');
  assertClean('rm-rf-root', 'FROM debian:12\nRUN rm -rf /tmp/* /var/lib/apt/lists/*\n');
  assertClean('rm-rf-root', 'FROM debian:12\nRUN rm -f /\n');
});

test('chmod-world-writable: octal and symbolic modes; sticky bit and scratch directories are fine', () => {
  assert.equal(worldWritable('777'), true);
  assert.equal(worldWritable('0666'), true);
  assert.equal(worldWritable('1777'), false);
  assert.equal(worldWritable('755'), false);
  assert.equal(worldWritable('a+rwx'), true);
  assert.equal(worldWritable('o+w,+t'), false);
  assert.equal(worldWritable('u+x'), false);
  assertReports('chmod-world-writable', 'FROM debian:12\nRUN chmod -R 777 /app\n');
  assertClean('chmod-world-writable', 'FROM debian:12\nRUN chmod 1777 /tmp\n');
  assertClean('chmod-world-writable', 'FROM debian:12\nRUN d="$(mktemp -d)" && chmod 777 "$d" && make -C "$d" && rm -rf "$d"\n');
});

test('useradd-high-uid: large UIDs need -l; the fix adds it', () => {
  assertFix('useradd-high-uid', 'FROM debian:12\nRUN useradd -u 100000 app\n', 'FROM debian:12\nRUN useradd -l -u 100000 app\n', true);
  assertFix('useradd-high-uid', 'FROM debian:12\nRUN <<EOF\nuseradd --uid=70000 -m app\nEOF\n', 'FROM debian:12\nRUN <<EOF\nuseradd -l --uid=70000 -m app\nEOF\n');
  assertClean('useradd-high-uid', 'FROM debian:12\nRUN useradd -u 1000 app\n');
  assertClean('useradd-high-uid', 'FROM debian:12\nRUN useradd --no-log-init -u 100000 app\n');
  assertClean('useradd-high-uid', 'FROM debian:12\nRUN useradd -u "$UID" app\n');
});

test('pipe-without-pipefail: reports the pipe; SHELL, set -o pipefail and echo pipes are fine', () => {
  const text = 'FROM debian:12\nRUN curl -fsSL https://e.x/a.tgz | tar -xz\n';
  const [finding] = assertReports('pipe-without-pipefail', text);
  assert.equal(covered(text, finding), '|');
  assertFix('pipe-without-pipefail', text, 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://e.x/a.tgz | tar -xz\n', false);
  assertFix('pipe-without-pipefail', 'FROM alpine:3.20\nRUN wget -qO- https://e.x | tar -x\n', 'FROM alpine:3.20\nSHELL ["/bin/ash", "-o", "pipefail", "-c"]\nRUN wget -qO- https://e.x | tar -x\n');
  assertClean('pipe-without-pipefail', 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://e.x/a.tgz | tar -xz\n');
  assertClean('pipe-without-pipefail', 'FROM debian:12\nRUN set -o pipefail && curl -fsSL https://e.x/a.tgz | tar -xz\n');
  assertClean('pipe-without-pipefail', 'FROM debian:12\nRUN echo "$SHA  a.tgz" | sha256sum -c -\n');
  assertClean('pipe-without-pipefail', 'FROM debian:12\nRUN a || b\n');
  assertReports('pipe-without-pipefail', 'FROM debian:12\nRUN <<EOF\nset -e\ncurl -fsSL https://e.x | tar -xz\nEOF\n');
  assertReports('pipe-without-pipefail', 'FROM debian:12\nRUN curl -fsSL https://e.x \\\n  | tar -xz\n');
  assertClean('pipe-without-pipefail', 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-ChildItem | Select-Object Name\n');
});

test('curl-and-wget: the tool used second in a stage is reported', () => {
  const text = 'FROM debian:12\nRUN curl -fsSLo a https://e.x/a\nRUN wget -nv https://e.x/b\n';
  const [finding] = assertReports('curl-and-wget', text);
  assert.equal(covered(text, finding), 'wget');
  assertClean('curl-and-wget', 'FROM debian:12\nRUN apt-get install -y curl wget\nRUN curl -fsSLo a https://e.x/a\n');
  assertClean('curl-and-wget', 'FROM debian:12 AS a\nRUN curl -fsSLo a https://e.x/a\nFROM debian:12\nRUN wget -nv https://e.x/b\n');
});

test('wget-progress: GNU wget needs a progress setting; BusyBox stages are skipped', () => {
  assertFix('wget-progress', 'FROM debian:12\nRUN wget https://e.x/big.tgz\n', 'FROM debian:12\nRUN wget --progress=dot:giga https://e.x/big.tgz\n', true);
  for (const flags of ['-q', '-nv', '--progress=bar:force', '-qO-', '-O- -q', '-o /dev/null']) {
    assertClean('wget-progress', `FROM debian:12\nRUN wget ${flags} https://e.x/big.tgz\n`);
  }
  assertClean('wget-progress', 'FROM alpine:3.20\nRUN wget https://e.x/big.tgz\n');
  assertReports('wget-progress', 'FROM alpine:3.20\nRUN apk add --no-cache wget && wget https://e.x/big.tgz\n');
  assertReports('wget-progress', 'FROM debian:12\nRUN <<EOF\nwget https://e.x/big.tgz\nEOF\n');
});

test('curl-pipe-shell: piping and substituting downloads into interpreters', () => {
  const text = 'FROM debian:12\nRUN curl -fsSL https://get.example.com | sh\n';
  const [finding] = assertReports('curl-pipe-shell', text);
  assert.equal(covered(text, finding), 'curl -fsSL https://get.example.com | sh');
  assertReports('curl-pipe-shell', 'FROM debian:12\nRUN wget -qO- https://e.x/i.sh | sudo bash -s -- --yes\n');
  assertReports('curl-pipe-shell', 'FROM debian:12\nRUN sh -c "$(curl -fsSL https://e.x/install.sh)"\n');
  assertReports('curl-pipe-shell', 'FROM debian:12\nRUN bash <(curl -fsSL https://e.x/install.sh)\n');
  assertClean('curl-pipe-shell', 'FROM debian:12\nRUN curl -fsSL https://e.x/a.tgz | tar -xz\n');
  assertClean('curl-pipe-shell', 'FROM debian:12\nRUN curl -fsSL https://e.x/v.json | python3 -c "import json,sys; print(json.load(sys.stdin))"\n');
  assertClean('curl-pipe-shell', 'FROM debian:12\nRUN curl -fsSLo i.sh https://e.x/i.sh && sha256sum -c sums && sh i.sh\n');
});

test('verification-disabled: TLS and signature checks turned off', () => {
  for (const run of ['curl -fsSLk https://e.x', 'curl --insecure https://e.x', 'wget --no-check-certificate https://e.x', 'git -c http.sslVerify=false clone https://e.x/r.git',
    'git config --global http.sslVerify false', 'npm config set strict-ssl false', 'pip install --trusted-host pypi.org flask==3.0', 'apk add --allow-untrusted curl',
    'apt-get install -y --allow-unauthenticated curl', 'dnf install -y --nogpgcheck curl']) {
    assert.equal(findings('verification-disabled', `FROM debian:12\nRUN ${run}\n`).length, 1, run);
  }
  assertClean('verification-disabled', 'FROM debian:12\nRUN curl -fsSLo k https://e.x && git config --global http.sslVerify true\n');
  assertClean('verification-disabled', 'FROM alpine:3.20\nRUN apk add --no-cache --allow-untrusted /tmp/packages/*.apk\n');
  assertNoFix('verification-disabled', 'FROM debian:12\nRUN <<EOF\ncurl -k https://e.x\nEOF\n');
});

test('shell-via-symlink: relinking /bin/sh instead of SHELL', () => {
  assertReports('shell-via-symlink', 'FROM debian:12\nRUN ln -sf /bin/bash /bin/sh\n');
  assertReports('shell-via-symlink', 'FROM debian:12\nRUN update-alternatives --install /bin/sh sh /bin/bash 100\n');
  assertClean('shell-via-symlink', 'FROM debian:12\nRUN ln -s /usr/bin/python3 /usr/bin/python\n');
  assertClean('shell-via-symlink', 'FROM debian:12\nSHELL ["/bin/bash", "-c"]\n');
});
