import type { DiagnoseOptions } from './rules-helpers';

/** One positive and one negative example per rule; `fixed` is the text after the first quick fix. */
export interface RuleCase {
  bad: string;
  good: string;
  fixed?: string;
  options?: DiagnoseOptions;
}

export const ruleCases: Record<string, RuleCase> = {
  'unknown-instruction': { bad: 'FROM alpine\nRUNN echo\n', good: 'FROM alpine\nRUN echo\n', fixed: 'FROM alpine\nRUN echo\n' },
  'missing-from': { bad: '# only a comment\n', good: 'FROM scratch\n' },
  'instruction-before-from': { bad: 'ENV A=1\nFROM alpine\n', good: 'ARG BASE=alpine\nFROM $BASE\n' },
  'instruction-arguments': { bad: 'FROM alpine\nENV PATH\n', good: 'FROM alpine\nENV PATH=/bin\n' },
  'unknown-flag': { bad: 'FROM alpine\nCOPY --form=build a /b\n', good: 'FROM alpine AS build\nFROM alpine\nCOPY --from=build a /b\n', fixed: 'FROM alpine\nCOPY --from=build a /b\n' },
  'duplicate-flag': { bad: 'FROM alpine\nCOPY --chown=1 --chown=2 a /b\n', good: 'FROM alpine\nRUN --mount=type=cache,target=/a --mount=type=cache,target=/b true\n', fixed: 'FROM alpine\nCOPY --chown=1 a /b\n' },
  'invalid-flag-value': { bad: 'FROM alpine\nHEALTHCHECK --interval=30 CMD true\n', good: 'FROM alpine\nHEALTHCHECK --interval=30s --retries=3 CMD true\n' },
  'invalid-mount': { bad: 'FROM alpine\nRUN --mount=type=cache,target=/a,sharing=sometimes true\n', good: 'FROM alpine\nRUN --mount=type=cache,target=/a,sharing=locked true\n' },
  'malformed-json-array': { bad: "FROM alpine\nCMD ['a', 'b']\n", good: 'FROM alpine\nCMD ["a", "b"]\n', fixed: 'FROM alpine\nCMD ["a", "b"]\n' },
  'invalid-stopsignal': { bad: 'FROM alpine\nSTOPSIGNAL SIGFOO\n', good: 'FROM alpine\nSTOPSIGNAL SIGRTMIN+3\n' },
  'invalid-escape-directive': { bad: '# escape=x\nFROM alpine\n', good: '# escape=`\nFROM alpine\n', fixed: '# escape=\\\nFROM alpine\n' },
  'duplicate-directive': { bad: '# escape=\\\n# escape=`\nFROM alpine\n', good: '# syntax=docker/dockerfile:1\n# escape=\\\nFROM alpine\n', fixed: '# escape=\\\nFROM alpine\n' },
  'empty-continuation-line': { bad: 'FROM alpine\nRUN echo a \\\n\n  b\n', good: 'FROM alpine\nRUN echo a \\\n  b\n', fixed: 'FROM alpine\nRUN echo a \\\n  b\n' },
  'invalid-stage-name': { bad: 'FROM alpine AS 1st\n', good: 'FROM alpine AS first-1\n' },
  'invalid-image-reference': { bad: 'FROM Alpine:3\n', good: 'FROM registry.example.com:5000/team/alpine:3@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n', fixed: 'FROM alpine:3\n' },
  'hadolint-config-problem': {
    bad: 'FROM alpine\n',
    good: 'FROM alpine\n',
    options: { files: { '/work/app/.hadolint.yaml': 'ignored: [DL3008\n' } },
  },
  'onbuild-trigger': { bad: 'FROM alpine\nONBUILD ONBUILD RUN x\n', good: 'FROM alpine\nONBUILD RUN x\n' },
  'unterminated-heredoc': { bad: 'FROM alpine\nRUN <<EOF\necho hi\n', good: 'FROM alpine\nRUN <<EOF\necho hi\nEOF\n' },
  'copy-from-unknown-stage': { bad: 'FROM alpine AS builder\nFROM alpine\nCOPY --from=biulder /a /b\n', good: 'FROM alpine AS builder\nFROM alpine\nCOPY --from=builder /a /b\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n', fixed: 'FROM alpine AS builder\nFROM alpine\nCOPY --from=builder /a /b\n' },
  'copy-from-own-stage': { bad: 'FROM alpine AS app\nCOPY --from=app /a /b\n', good: 'FROM alpine AS base\nFROM alpine AS app\nCOPY --from=base /a /b\n' },
  'duplicate-stage-name': { bad: 'FROM alpine AS app\nFROM alpine AS APP\n', good: 'FROM alpine AS app\nFROM alpine AS web\nCOPY --from=app / /\n' },
  'reserved-stage-name': { bad: 'FROM alpine AS context\n', good: 'FROM alpine AS ctx\n' },
  'unused-stage': { bad: 'FROM alpine\nRUN true\nFROM alpine AS final\n', good: 'FROM alpine AS build\nFROM build AS final\n' },
  'undefined-arg-in-from': { bad: 'ARG VERSION=3\nFROM alpine:$VERSON\n', good: 'ARG VERSION=3\nFROM --platform=$BUILDPLATFORM alpine:$VERSION\n', fixed: 'ARG VERSION=3\nFROM alpine:$VERSION\n' },
  'undefined-variable': { bad: 'FROM scratch\nARG APP_DIR=/app\nCOPY . $APP_DIRR\n', good: 'FROM scratch\nARG APP_DIR=/app\nCOPY . $APP_DIR\nCOPY . ${OTHER:-/x}\n', fixed: 'FROM scratch\nARG APP_DIR=/app\nCOPY . $APP_DIR\n' },
  'invalid-default-arg-in-from': { bad: 'ARG TAG\nFROM alpine:$TAG\n', good: 'ARG TAG=3.20\nFROM alpine:$TAG\n' },
  'env-self-reference': { bad: 'FROM alpine\nENV A=1 B=$A\n', good: 'FROM alpine\nENV PATH=/opt/bin:$PATH\nENV A=1\nENV B=$A\n' },
  'multiple-cmd': { bad: 'FROM alpine\nCMD ["a"]\nCMD ["b"]\n', good: 'FROM alpine\nCMD ["a"]\nFROM alpine\nCMD ["b"]\n', fixed: 'FROM alpine\nCMD ["b"]\n' },
  'multiple-entrypoint': { bad: 'FROM alpine\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]\n', good: 'FROM alpine\nENTRYPOINT ["a"]\n', fixed: 'FROM alpine\nENTRYPOINT ["b"]\n' },
  'multiple-healthcheck': { bad: 'FROM alpine\nHEALTHCHECK NONE\nHEALTHCHECK CMD true\n', good: 'FROM alpine\nHEALTHCHECK CMD true\n', fixed: 'FROM alpine\nHEALTHCHECK CMD true\n' },
  'copy-multiple-sources-destination': { bad: 'FROM alpine\nCOPY a b /app\n', good: 'FROM alpine\nCOPY a b /app/\nCOPY a /app\n', fixed: 'FROM alpine\nCOPY a b /app/\n' },
  'relative-workdir': { bad: 'FROM alpine\nWORKDIR app\n', good: 'FROM alpine\nWORKDIR /srv\nWORKDIR app\nWORKDIR $HOME/x\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nWORKDIR C:\\app\n' },
  'invalid-expose-port': { bad: 'FROM alpine\nEXPOSE 70000\n', good: 'FROM alpine\nEXPOSE 80 443/tcp 8000-8010/udp 9/sctp\n' },
  'expose-host-mapping': { bad: 'FROM alpine\nEXPOSE 127.0.0.1:8080:80/tcp\n', good: 'FROM alpine\nEXPOSE 80/tcp\n', fixed: 'FROM alpine\nEXPOSE 80/tcp\n' },
  'maintainer-deprecated': { bad: 'FROM alpine\nMAINTAINER Jane Doe <jane@example.com>\n', good: 'FROM alpine\nLABEL org.opencontainers.image.authors="Jane Doe"\n', fixed: 'FROM alpine\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n' },
  'json-args-recommended': { bad: 'FROM alpine\nCMD node server.js\n', good: 'FROM alpine\nCMD ["node", "server.js"]\nFROM alpine\nSHELL ["/bin/bash", "-c"]\nCMD node server.js\n', fixed: 'FROM alpine\nCMD ["node", "server.js"]\n' },
  'redundant-target-platform': { bad: 'FROM --platform=$TARGETPLATFORM alpine\n', good: 'FROM --platform=$BUILDPLATFORM alpine\n', fixed: 'FROM alpine\n' },
  'from-platform-flag-const': { bad: 'FROM --platform=linux/amd64 alpine\n', good: 'FROM --platform=linux/amd64 alpine AS build-amd64\n' },
  'secrets-in-arg-or-env': { bad: 'FROM alpine\nARG GITHUB_TOKEN\n', good: 'FROM alpine\nARG PUBLIC_KEY\nARG TOKENIZER_MODE\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D\n' },
  'copy-ignored-file': {
    bad: 'FROM alpine\nCOPY secrets/key.pem /etc/\n',
    good: 'FROM alpine\nCOPY secrets/public.pem /etc/\nCOPY --from=build secrets/key.pem /etc/\n',
    options: { files: { '/work/app/.dockerignore': '# ignore secrets\nsecrets/**\n!secrets/public.pem\n' } },
  },
  'legacy-key-value-format': { bad: 'FROM alpine\nENV GREETING hello world\n', good: 'FROM alpine\nENV GREETING="hello world"\n', fixed: 'FROM alpine\nENV GREETING="hello world"\n' },
  'from-as-casing': { bad: 'FROM alpine as build\n', good: 'FROM alpine AS build\nfrom alpine as other\n', fixed: 'FROM alpine AS build\n' },
  'consistent-instruction-casing': { bad: 'FROM alpine\nRUN true\nrun false\n', good: 'from alpine\nrun true\n', fixed: 'FROM alpine\nRUN true\nRUN false\n' },
  'stage-name-casing': { bad: 'FROM alpine AS Build\nFROM alpine\nCOPY --from=Build /a /b\n', good: 'FROM alpine AS build\n', fixed: 'FROM alpine AS build\nFROM alpine\nCOPY --from=build /a /b\n' },
  'expose-protocol-casing': { bad: 'FROM alpine\nEXPOSE 80/TCP\n', good: 'FROM alpine\nEXPOSE 80/tcp\n', fixed: 'FROM alpine\nEXPOSE 80/tcp\n' },
};
