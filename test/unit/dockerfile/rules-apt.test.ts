import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertClean, assertFix, assertNoFix, assertReports, covered } from './rules-kit';

const clean = 'FROM debian:12\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl=7.88.1-10 \\\n && rm -rf /var/lib/apt/lists/*\n';

test('apt-get-missing-yes: reports install without -y and fixes it', () => {
  assertFix('apt-get-missing-yes', 'FROM debian:12\nRUN apt-get install curl\n', 'FROM debian:12\nRUN apt-get install -y curl\n', true);
  const [finding] = assertReports('apt-get-missing-yes', 'FROM debian:12\nRUN apt-get remove curl\n');
  assert.equal(covered('FROM debian:12\nRUN apt-get remove curl\n', finding), 'apt-get remove');
});

test('apt-get-missing-yes: -y, --yes, -qq, -q=2, -o Assume-Yes and simulation are accepted', () => {
  for (const flags of ['-y', '--yes', '--assume-yes', '-qq', '-q=2', '-yq', '-o APT::Get::Assume-Yes=true', '-s']) {
    assertClean('apt-get-missing-yes', `FROM debian:12\nRUN apt-get ${flags} install curl\n`);
  }
  assertClean('apt-get-missing-yes', 'FROM debian:12\nRUN apt-get update\n');
});

test('apt-get-missing-yes: heredoc and continuation forms', () => {
  assertReports('apt-get-missing-yes', 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install curl\nEOF\n');
  assertFix('apt-get-missing-yes', 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install \\\n    curl\n', 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y \\\n    curl\n');
  assertReports('apt-get-missing-yes', 'FROM debian:12\nRUN sh -c "apt-get install curl"\n');
});

test('apt-get-install-recommends: reports and fixes; accepts the option, -o and apt config', () => {
  assertFix('apt-get-install-recommends', 'FROM debian:12\nRUN apt-get install -y curl\n', 'FROM debian:12\nRUN apt-get install --no-install-recommends -y curl\n', false);
  assertClean('apt-get-install-recommends', 'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n');
  assertClean('apt-get-install-recommends', 'FROM debian:12\nRUN apt-get -o APT::Install-Recommends=false install -y curl\n');
  assertClean('apt-get-install-recommends', 'FROM debian:12\nRUN echo \'APT::Install-Recommends "0";\' > /etc/apt/apt.conf.d/norecs\nRUN apt-get install -y curl\n');
  assertReports('apt-get-install-recommends', 'FROM debian:12\nRUN <<EOF\napt-get install -y curl\nEOF\n');
});

test('apt-lists-not-cleaned: reports apt-get update without rm of the lists, and appends it', () => {
  assertFix('apt-lists-not-cleaned', 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n', true);
  assertClean('apt-lists-not-cleaned', clean);
  assertClean('apt-lists-not-cleaned', 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && apt-get clean && rm -rf /var/lib/apt/lists/*\n');
});

test('apt-lists-not-cleaned: cache mounts, unshipped stages, a later RUN and heredocs', () => {
  assertClean('apt-lists-not-cleaned', 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y curl\n');
  assertReports('apt-lists-not-cleaned', 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl\n');
  assertClean('apt-lists-not-cleaned', 'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM scratch\nCOPY --from=build /x /x\n');
  assertReports('apt-lists-not-cleaned', 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*\n');
  assertNoFix('apt-lists-not-cleaned', 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n');
  assertClean('apt-lists-not-cleaned', 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nrm -rf /var/lib/apt/lists/*\nEOF\n');
});

test('apt-get-unpinned: reports bare names, not pins, variables, files or substitutions', () => {
  const [finding] = assertReports('apt-get-unpinned', 'FROM debian:12\nRUN apt-get install -y curl git=1:2.39.2-1.1\n');
  assert.match(finding.message.en, /curl/);
  assert.doesNotMatch(finding.message.en, /git/);
  for (const pkgs of ['curl=7.88.*', '"curl=$CURL_VERSION"', '$PACKAGES', '$(cat /tmp/pkgs)', './local.deb', 'curl/bookworm-backports']) {
    assertClean('apt-get-unpinned', `FROM debian:12\nRUN apt-get install -y ${pkgs}\n`);
  }
  assertReports('apt-get-unpinned', 'FROM debian:12\nRUN apt-get install -y \\\n  curl \\\n  wget\n');
  assertReports('apt-get-unpinned', 'FROM debian:12\nRUN <<EOF\napt-get install -y curl\nEOF\n');
});

test('apt-instead-of-apt-get: reports apt and swaps the tool', () => {
  assertFix('apt-instead-of-apt-get', 'FROM debian:12\nRUN apt install -y curl\n', 'FROM debian:12\nRUN apt-get install -y curl\n', true);
  assertFix('apt-instead-of-apt-get', 'FROM debian:12\nRUN apt show curl\n', 'FROM debian:12\nRUN apt-cache show curl\n', true);
  const [finding] = assertReports('apt-instead-of-apt-get', 'FROM debian:12\nRUN apt upgrade -y\n');
  assert.equal(finding.fixes?.[0].safe, false);
  assertClean('apt-instead-of-apt-get', 'FROM debian:12\nRUN apt-get install -y curl && apt-cache policy curl\n');
  assertReports('apt-instead-of-apt-get', 'FROM debian:12\nRUN <<EOF\napt update\nEOF\n');
});

test('apt-get-install-without-update: stale or missing lists', () => {
  const [finding] = assertReports('apt-get-install-without-update', 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n');
  assert.match(finding.message.en, /apt-get update/);
  assertClean('apt-get-install-without-update', 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n');
  assertClean('apt-get-install-without-update', 'FROM debian:12\nRUN apt-get install --update -y curl\n');
  assertClean('apt-get-install-without-update', 'FROM debian:12\nRUN apt-get install -y ./pkg.deb\n');
  assertClean('apt-get-install-without-update', 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n');
});

test('apt-key-deprecated: reports apt-key add/adv only', () => {
  assertReports('apt-key-deprecated', 'FROM debian:12\nRUN curl -fsSL https://e.x/key | apt-key add -\n');
  assertReports('apt-key-deprecated', 'FROM debian:12\nRUN apt-key adv --keyserver hkps://keys.openpgp.org --recv-keys ABCD\n');
  assertClean('apt-key-deprecated', 'FROM debian:12\nRUN apt-key list\n');
});
