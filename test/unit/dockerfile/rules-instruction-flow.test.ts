// The order and interplay of instructions (instructionFlow.ts).
import { test } from 'node:test';
import { assertClean, assertFix, assertNoFix, assertReports } from './rules-kit';

test('consecutive-run: joins consecutive RUNs; chained commands, flags and heredocs keep them apart', () => {
  assertFix('consecutive-run', 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n', 'FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y curl\n', false);
  assertFix('consecutive-run', '# escape=`\nFROM debian:12\nRUN a\nRUN b\n', '# escape=`\nFROM debian:12\nRUN a `\n    && b\n');
  assertNoFix('consecutive-run', 'FROM debian:12\nRUN a\n# separate layer for caching\nRUN b\n');
  assertClean('consecutive-run', 'FROM debian:12\nRUN a && b\nRUN c\n');
  assertClean('consecutive-run', 'FROM debian:12\nRUN a\nRUN --mount=type=cache,target=/root/.cache b\n');
  assertClean('consecutive-run', 'FROM debian:12\nRUN a\nENV X=1\nRUN b\n');
  assertClean('consecutive-run', 'FROM debian:12\nRUN <<EOF\na\nEOF\nRUN b\n');
  assertNoFix('consecutive-run', 'FROM debian:12\nRUN a # comment\nRUN b\n');
});

test('mkdir-before-workdir: removes the redundant RUN', () => {
  assertFix('mkdir-before-workdir', 'FROM debian:12\nRUN mkdir -p /app\nWORKDIR /app\n', 'FROM debian:12\nWORKDIR /app\n', true);
  assertClean('mkdir-before-workdir', 'FROM debian:12\nUSER app\nRUN mkdir -p /app\nWORKDIR /app\n');
  assertClean('mkdir-before-workdir', 'FROM debian:12\nRUN mkdir -p /app /data\nWORKDIR /app\n');
  assertClean('mkdir-before-workdir', 'FROM debian:12\nRUN mkdir -m 700 /app\nWORKDIR /app\n');
});

test('debian-frontend-env: ENV leaks into containers; fix turns it into ARG', () => {
  assertFix('debian-frontend-env', 'FROM debian:12\nENV DEBIAN_FRONTEND=noninteractive\n', 'FROM debian:12\nARG DEBIAN_FRONTEND=noninteractive\n', false);
  assertNoFix('debian-frontend-env', 'FROM debian:12\nENV DEBIAN_FRONTEND=noninteractive TZ=UTC\n');
  assertClean('debian-frontend-env', 'FROM debian:12\nARG DEBIAN_FRONTEND=noninteractive\nRUN DEBIAN_FRONTEND=noninteractive apt-get update\n');
});

test('entrypoint-shell-form-ignores-cmd and cmd-shell-form-with-exec-entrypoint', () => {
  assertReports('entrypoint-shell-form-ignores-cmd', 'FROM debian:12\nENTRYPOINT /app/run --serve\nCMD ["--port", "80"]\n');
  assertClean('entrypoint-shell-form-ignores-cmd', 'FROM debian:12\nENTRYPOINT ["/app/run"]\nCMD ["--port", "80"]\n');
  assertClean('entrypoint-shell-form-ignores-cmd', 'FROM debian:12\nENTRYPOINT /app/run\n');

  assertFix('cmd-shell-form-with-exec-entrypoint', 'FROM debian:12\nENTRYPOINT ["/app/run"]\nCMD --port 80\n', 'FROM debian:12\nENTRYPOINT ["/app/run"]\nCMD ["--port", "80"]\n', true);
  assertNoFix('cmd-shell-form-with-exec-entrypoint', 'FROM debian:12\nENTRYPOINT ["/app/run"]\nCMD --port "$PORT"\n');
  assertClean('cmd-shell-form-with-exec-entrypoint', 'FROM debian:12\nCMD run --port 80\n');
});
