import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings } from './rules-kit';

/**
 * The behaviours hadolint's own tests pin down for the shell-command and image rules, in our words.
 * Each case is a Dockerfile (a `FROM debian:12` line is added when it has none). A `fires` case must
 * be reported; a `quiet` case must not. Every case whose RUN lines can be made ONBUILD triggers is
 * checked a second time that way, where hadolint expects exactly one finding per trigger.
 * Deliberate differences from hadolint are on the rule pages (`differences`), not here.
 */
interface Cases {
  fires: string[];
  quiet: string[];
  /** Quiet in a stage the final image does not use, reported as a trigger: its layer ships downstream. */
  quietUnlessTrigger?: string[];
  config?: { trustedRegistries: string[] };
}

const table: Record<string, Cases> = {
  'useless-command': { fires: ['RUN service nginx start', 'RUN vim /etc/hosts', 'RUN ifconfig eth0'], quiet: ['RUN apt-get install -y vim=2:9.0.1378-2', 'RUN echo ssh'] },
  'cd-instead-of-workdir': { fires: ['RUN cd /usr/src/app && make'], quiet: ['RUN make -C /usr/src/app', 'RUN mkdir -p /out && cd /out && tar -xf /a.tar'] },
  'no-sudo': { fires: ['RUN sudo make install', 'RUN apt-get update && sudo apt-get install -y make=4.3-4.1'], quiet: ['RUN apt-get install -y sudo=1.9.13p3-1', 'RUN echo sudo'] },
  'apt-get-unpinned': {
    fires: ['RUN apt-get install -y curl', 'RUN apt-get -y install curl=7.88.1-10 wget'],
    quiet: ['RUN apt-get install -y curl=7.88.1-10+deb12u5', 'RUN apt-get install -y ./tool_1.0_amd64.deb', 'RUN apt-get install -y "$PACKAGES"'],
  },
  'apt-lists-not-cleaned': {
    fires: ['RUN apt-get update && apt-get install -y curl=7.88.1-10', 'FROM debian:12 AS base\nRUN apt-get update\nFROM base\nRUN true'],
    quiet: [
      'RUN apt-get update && apt-get install -y curl=7.88.1-10 && rm -rf /var/lib/apt/lists/*',
      'RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl=7.88.1-10',
    ],
    quietUnlessTrigger: ['FROM debian:12 AS tools\nRUN apt-get update\nFROM scratch\nCOPY a /a'],
  },
  'pip-unpinned': {
    fires: ['RUN pip3 install requests', 'RUN python3 -m pip install --index-url https://pypi.example/simple requests'],
    quiet: ['RUN pip install requests==2.32.3', 'RUN pip install "requests>=2,<3"', 'RUN pip install -r requirements.txt', 'RUN pip install .', 'RUN pip install ./wheels/app-1.0-py3-none-any.whl', 'RUN pip install --target /opt/lib requests~=2.32'],
  },
  'apt-get-missing-yes': { fires: ['RUN apt-get install curl=7.88.1-10', 'RUN apt-get -q install curl=7.88.1-10'], quiet: ['RUN apt-get install -y curl=7.88.1-10', 'RUN apt-get install --yes curl=7.88.1-10', 'RUN apt-get -qq install curl=7.88.1-10', 'RUN apt-get update'] },
  'apt-get-install-recommends': { fires: ['RUN apt-get install -y curl=7.88.1-10'], quiet: ['RUN apt-get install -y --no-install-recommends curl=7.88.1-10', 'RUN apt-get -o APT::Install-Recommends=false install -y curl=7.88.1-10'] },
  'npm-unpinned': {
    fires: ['RUN npm install -g typescript', 'RUN npm i --global @scope/tool', 'RUN npm install --registry https://npm.example express'],
    quiet: ['RUN npm install -g typescript@5.6.3', 'RUN npm install', 'RUN npm ci', 'RUN npm install ./pkg.tgz', 'RUN npm install @scope/tool@^2.1.0'],
  },
  'apk-unpinned': { fires: ['RUN apk add --no-cache curl', 'RUN apk add --no-cache curl=8.9.1-r0 git'], quiet: ['RUN apk add --no-cache curl=8.9.1-r0', 'RUN apk add --no-cache "curl~8.9"', 'RUN apk add --no-cache --virtual .deps gcc=13.2.1-r0'] },
  'apk-no-cache': { fires: ['RUN apk add curl=8.9.1-r0', 'RUN apk update && apk add curl=8.9.1-r0'], quiet: ['RUN apk add --no-cache curl=8.9.1-r0', 'RUN --mount=type=cache,target=/var/cache/apk apk add curl=8.9.1-r0', 'RUN apk add curl=8.9.1-r0 && rm -rf /var/cache/apk/*'] },
  'apt-instead-of-apt-get': { fires: ['RUN apt install -y curl=7.88.1-10', 'RUN apt update'], quiet: ['RUN apt-get install -y curl=7.88.1-10', 'RUN apt-cache policy curl'] },
  'gem-unpinned': { fires: ['RUN gem install rails', 'RUN gem i rails:7.1.3 puma'], quiet: ['RUN gem install rails:7.1.3', 'RUN gem install rails -v 7.1.3', 'RUN gem install --version 7.1.3 rails', 'RUN gem install ./local.gem'] },
  'yum-missing-yes': { fires: ['RUN yum install httpd-2.4.6 && yum clean all'], quiet: ['RUN yum install -y httpd-2.4.6 && yum clean all', 'RUN yum makecache'] },
  'yum-clean-missing': { fires: ['RUN yum install -y httpd-2.4.6', 'RUN yum clean all && yum install -y httpd-2.4.6'], quiet: ['RUN yum install -y httpd-2.4.6 && yum clean all', 'RUN yum install -y httpd-2.4.6 && rm -rf /var/cache/yum'] },
  'yum-unpinned': { fires: ['RUN yum install -y httpd && yum clean all', 'RUN yum module install -y nodejs && yum clean all'], quiet: ['RUN yum install -y httpd-2.4.6 && yum clean all', 'RUN yum install -y openssl-1:1.1.1k && yum clean all', 'RUN yum module install -y nodejs:20 && yum clean all'] },
  'zypper-missing-yes': { fires: ['RUN zypper install curl=8.6.0 && zypper clean'], quiet: ['RUN zypper -n install curl=8.6.0 && zypper clean', 'RUN zypper install -y curl=8.6.0 && zypper clean'] },
  'zypper-dist-upgrade': { fires: ['RUN zypper -n dist-upgrade', 'RUN zypper -n dup'], quiet: ['RUN zypper -n patch', 'RUN zypper -n update'] },
  'zypper-clean-missing': { fires: ['RUN zypper -n install curl=8.6.0'], quiet: ['RUN zypper -n install curl=8.6.0 && zypper clean', 'RUN zypper -n install curl=8.6.0 && zypper cc'] },
  'zypper-unpinned': { fires: ['RUN zypper -n install curl && zypper clean'], quiet: ['RUN zypper -n install curl=8.6.0 && zypper clean', 'RUN zypper -n install "curl>=8.6" && zypper clean'] },
  'dnf-missing-yes': { fires: ['RUN dnf install httpd-2.4.6 && dnf clean all', 'RUN microdnf install httpd-2.4.6 && microdnf clean all'], quiet: ['RUN dnf install -y httpd-2.4.6 && dnf clean all', 'RUN notdnf install httpd'] },
  'dnf-clean-missing': {
    fires: ['RUN dnf install -y httpd-2.4.6', 'RUN dnf -y up', 'RUN microdnf install -y httpd-2.4.6', 'RUN rm -rf /var/cache/libdnf5 && dnf install -y httpd-2.4.6'],
    quiet: ['RUN dnf install -y httpd-2.4.6 && dnf clean all', 'RUN dnf in -y httpd-2.4.6 && rm -rf /var/cache/yum/*', 'RUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y httpd-2.4.6'],
  },
  'dnf-unpinned': {
    fires: ['RUN dnf install -y httpd && dnf clean all', 'RUN microdnf module install -y nodejs && microdnf clean all'],
    quiet: ['RUN dnf install -y httpd-2.4.6 && dnf clean all', 'RUN dnf install -y gcc-c++-13.2.1 && dnf clean all', 'RUN dnf module install -y nodejs:20 && dnf clean all', 'RUN dnf -y group install "Development Tools" && dnf clean all'],
  },
  'pip-no-cache-dir': {
    fires: ['RUN pip install requests==2.32.3', 'FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM python:3.12\nRUN pip install requests==2.32.3'],
    quiet: ['RUN pip install --no-cache-dir requests==2.32.3', 'RUN PIP_NO_CACHE_DIR=1 pip install requests==2.32.3', 'ENV PIP_NO_CACHE_DIR=true\nRUN pip install requests==2.32.3', 'RUN --mount=type=cache,target=/root/.cache/pip pip install requests==2.32.3', 'FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install requests==2.32.3'],
  },
  'useradd-high-uid': { fires: ['RUN useradd -u 123456 app'], quiet: ['RUN useradd -l -u 123456 app', 'RUN useradd --no-log-init -u 123456 app', 'RUN useradd -u 1000 app'] },
  'wget-progress': { fires: ['RUN wget https://example.com/a.tgz'], quiet: ['RUN wget --progress=dot:giga https://example.com/a.tgz', 'RUN wget -q https://example.com/a.tgz', 'RUN wget -nv https://example.com/a.tgz'] },
  'yarn-cache-not-cleaned': {
    fires: ['RUN yarn install'],
    quiet: ['RUN yarn install && yarn cache clean', 'RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install'],
    quietUnlessTrigger: ['FROM node:20 AS deps\nRUN yarn install\nFROM scratch\nCOPY a /a'],
  },
  'go-install-unpinned': { fires: ['RUN go install example.com/tool@latest', 'RUN go get example.com/lib'], quiet: ['RUN go install example.com/tool@v1.2.3', 'RUN go install ./cmd/tool', 'RUN go run .'] },
  'curl-and-wget': { fires: ['RUN wget https://a.example/x && curl -O https://b.example/y', 'RUN curl -O https://a.example/x\nRUN wget https://b.example/y'], quiet: ['RUN curl -O https://a.example/x', 'RUN wget https://a.example/x\nFROM debian:12\nRUN curl -O https://b.example/y'] },
  'shell-via-symlink': { fires: ['RUN ln -sf /bin/bash /bin/sh'], quiet: ['RUN ln -s /usr/bin/python3 /usr/local/bin/python'] },
  'pipe-without-pipefail': {
    fires: ['RUN curl -fsSL https://example.com/x.tgz | tar -xz', 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN true\nFROM debian:12\nRUN curl -fsSL https://example.com/x | wc -l'],
    quiet: ['SHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/x.tgz | tar -xz', 'SHELL ["/bin/zsh", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/x | wc -l', 'SHELL ["pwsh", "-c"]\nRUN Get-Item x | Select-Object Name', 'RUN curl -fsSL https://example.com/x -o x && wc -l x'],
  },
  'last-user-root': { fires: ['USER root', 'USER 0:0', 'FROM debian:12 AS base\nUSER root\nFROM base\nRUN true'], quiet: ['USER app', 'USER root\nRUN make\nUSER 10001'] },
  'image-untagged': { fires: ['FROM debian'], quiet: ['FROM debian:12', 'FROM debian@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'FROM debian:12 AS base\nFROM base'] },
  'image-latest-tag': { fires: ['FROM debian:latest'], quiet: ['FROM debian:12', 'FROM debian:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'] },
  'untrusted-registry': {
    config: { trustedRegistries: ['docker.io'] },
    fires: ['FROM ghcr.io/org/app:1', 'FROM debian:12\nCOPY --from=ghcr.io/org/tools:1 /t /t', 'FROM debian:12\nRUN --mount=type=cache,from=quay.io/org/cache:1,target=/c ls'],
    quiet: ['FROM debian:12', 'FROM docker.io/library/debian:12', 'FROM scratch', 'FROM debian:12 AS base\nFROM base\nCOPY --from=base /a /a'],
  },
  'user-non-numeric': { fires: ['USER app', 'USER app:app'], quiet: ['USER 10001', 'USER 10001:10001', 'ARG APP_UID=10001\nUSER ${APP_UID}'] },
};

function dockerfileOf(snippet: string): string {
  return `${/^FROM\b/.test(snippet) ? '' : 'FROM debian:12\n'}${snippet}\n`;
}

/** The same file with each RUN made an ONBUILD trigger; undefined when it has no RUN. */
function asTriggers(text: string): string | undefined {
  return /^RUN /m.test(text) ? text.replace(/^RUN /gm, 'ONBUILD RUN ') : undefined;
}

for (const [id, cases] of Object.entries(table)) {
  test(`${id}: hadolint's behaviours, plain and as ONBUILD triggers`, () => {
    for (const snippet of cases.fires) {
      const text = dockerfileOf(snippet);
      assert.ok(findings(id, text, cases.config).length >= 1, `${id} should fire on:\n${text}`);
      const triggers = asTriggers(text);
      // One trigger per RUN: hadolint expects exactly one finding per file for single-RUN cases.
      if (triggers && (text.match(/^RUN /gm) ?? []).length === 1) assert.equal(findings(id, triggers, cases.config).length, 1, `${id} once on:\n${triggers}`);
    }
    for (const snippet of cases.quiet) {
      const text = dockerfileOf(snippet);
      assert.deepEqual(findings(id, text, cases.config).map((f) => f.message.en), [], `${id} should be quiet on:\n${text}`);
      const triggers = asTriggers(text);
      if (triggers) assert.deepEqual(findings(id, triggers, cases.config).map((f) => f.message.en), [], `${id} should be quiet on:\n${triggers}`);
    }
    for (const snippet of cases.quietUnlessTrigger ?? []) {
      const text = dockerfileOf(snippet);
      assert.equal(findings(id, text, cases.config).length, 0, `${id} should be quiet on:\n${text}`);
      assert.equal(findings(id, asTriggers(text)!, cases.config).length, 1, `${id} once on:\n${asTriggers(text)}`);
    }
  });
}
