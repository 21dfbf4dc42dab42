import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SignatureHelp } from 'vscode-languageserver-types';
import type { DocsLanguage } from '../../../server/src/common/localized';
import { instructionNames } from '../../../server/src/dockerfile/docs';
import { dockerfileService } from '../../../server/src/dockerfile/service';
import { contextFor, dockerfile } from '../helpers';

function help(textWithCursor: string, lang: DocsLanguage = 'en'): SignatureHelp | null {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  const model = dockerfile(text);
  return dockerfileService.signatureHelp!(model, model.document.positionAt(offset), contextFor(lang));
}

/** The active signature's label and the text of its active parameter ('' when none is active). */
function active(textWithCursor: string): { label: string; parameter: string } {
  const result = help(textWithCursor);
  assert.ok(result, `no signature help for ${JSON.stringify(textWithCursor)}`);
  const signature = result.signatures[result.activeSignature ?? 0];
  const parameter = signature.parameters?.[result.activeParameter ?? 0];
  const [start, end] = (parameter?.label ?? [0, 0]) as [number, number];
  return { label: signature.label, parameter: signature.label.slice(start, end) };
}

test('signature help is null outside instructions', () => {
  assert.equal(help('FROM alpine\n|'), null);
  assert.equal(help('# a comment|\nFROM alpine'), null);
  assert.equal(help('FROM alpine\nFOO bar|'), null, 'unknown instruction');
});

test('every instruction has signatures whose parameter ranges lie inside the label', () => {
  for (const name of instructionNames) {
    const result = help(`FROM alpine\n${name} |`);
    assert.ok(result, name);
    for (const signature of result.signatures) {
      assert.ok(signature.label.startsWith(name), signature.label);
      assert.ok(signature.parameters!.length > 0, signature.label);
      for (const parameter of signature.parameters!) {
        const [start, end] = parameter.label as [number, number];
        assert.ok(start > name.length && end <= signature.label.length && start < end, `${signature.label}: [${start}, ${end}]`);
        assert.ok(parameter.documentation, `${signature.label}: parameter without docs`);
      }
    }
  }
});

test('the active parameter follows flags and positional arguments', () => {
  assert.equal(active('FROM alpine\nCOPY --fr|').parameter, '[--from=<stage|image>]');
  assert.equal(active('FROM alpine\nCOPY --chown=1:1| a b').parameter, '[--chown=<user>:<group>]');
  assert.equal(active('FROM alpine\nCOPY --from=build a| b').parameter, '<src>...');
  assert.equal(active('FROM alpine\nCOPY a b c|').parameter, '<dest>');
  assert.equal(active('FROM alpine\nCOPY a b| c').parameter, '<src>...');
  assert.equal(active('FROM |').parameter, '<image>[:<tag>][@<digest>]');
  assert.equal(active('FROM --platform=|').parameter, '[--platform=<platform>]');
  assert.equal(active('FROM alpine AS |').parameter, '[AS <name>]');
  assert.equal(active('FROM alpine\nRUN --mount=type=cache,target=/c |').parameter, '<command>');
  assert.equal(active('FROM alpine\nRUN --net|').parameter, '[--network=<mode>]');
  assert.equal(active('FROM alpine\nHEALTHCHECK --retries=3 CMD |').parameter, '<command>');
  assert.equal(active('FROM alpine\nHEALTHCHECK --start-p|').parameter, '[--start-period=<duration>]');
  assert.equal(active('FROM alpine\nFR|OM').parameter, '', 'no parameter on the keyword');
});

test('the active signature follows the written form', () => {
  assert.match(active('FROM alpine\nCMD ["node", |').label, /^CMD \["executable",/);
  assert.equal(active('FROM alpine\nCMD ["node", |').parameter, '"param", ...]');
  assert.equal(active('FROM alpine\nCMD node |').label, 'CMD <command>');
  assert.equal(active('FROM alpine\nHEALTHCHECK NONE|').label, 'HEALTHCHECK NONE');
  assert.match(active('FROM alpine\nRUN <<EOF|\necho\nEOF').label, /<<EOF/);
  assert.match(active('FROM alpine\nCOPY --chown=1 ["a b", |').label, /\["<src>"/);
});

test('ONBUILD shows its own signature for the trigger, then the trigger\'s', () => {
  assert.deepEqual(active('FROM alpine\nONBUILD |'), { label: 'ONBUILD <INSTRUCTION> <arguments>', parameter: '<INSTRUCTION>' });
  assert.equal(active('FROM alpine\nONBUILD COPY --ch|').parameter, '[--chown=<user>:<group>]');
});

test('signature and parameter docs are localized', () => {
  const result = help('FROM alpine\nRUN --network=|', 'zh-cn')!;
  const signature = result.signatures[0];
  assert.match(JSON.stringify(signature.documentation), /[\u4e00-\u9fff]/);
  assert.match(JSON.stringify(signature.parameters![result.activeParameter!].documentation), /网络/);
});

test('signature help works across continuation lines', () => {
  assert.equal(active('FROM alpine\nRUN --mount=type=cache,target=/c \\\n    --net|').parameter, '[--network=<mode>]');
  assert.equal(active('FROM alpine\nCOPY --from=build \\\n  # a comment\n  a \\\n  b|').parameter, '<dest>');
});
