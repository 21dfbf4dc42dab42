// hadolint's own cases for the rules of labels.ts, healthcheck.ts and DL3029, read at run time from
// a local mirror (`fetch github:hadolint/hadolint`; skipped when there is none): every positive
// caught and no negative fired, except the differences each rule's page documents.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { extractHadolintCases, wrapRunInOnbuild, type HadolintCase } from '../../../scripts/conformance/hadolintSpecs';
import { lintCase, peerNameIndex } from '../../../scripts/conformance/lintCase';

const mirror = ['/work/.mirror/hadolint+hadolint/repo', '/work/.mirror/hadolint+hadolint'].find((dir) => existsSync(dir));
const codes = ['DL3029', 'DL3048', 'DL3049', 'DL3050', 'DL3051', 'DL3052', 'DL3053', 'DL3054', 'DL3055', 'DL3056', 'DL3057', 'DL3058'];

/** A key written with a variable is not judged (label-key-format's documented difference). */
const documented = (c: HadolintCase) => c.code === 'DL3048' && c.text.includes('$');

function yamlOf(c: HadolintCase): string | undefined {
  const lines: string[] = [];
  if (c.config.labelSchema) lines.push('label-schema:', ...Object.entries(c.config.labelSchema).map(([k, t]) => `  ${JSON.stringify(k)}: ${t}`));
  if (c.config.strictLabels) lines.push('strict-labels: true');
  return lines.length ? `${lines.join('\n')}\n` : undefined;
}

test("hadolint's cases for the label rules, DL3029 and DL3057", { skip: mirror ? false : 'no hadolint mirror at /work/.mirror/hadolint+hadolint (fetch github:hadolint/hadolint)' }, () => {
  const git = (...args: string[]) => execFileSync('git', ['--git-dir', mirror!, ...args], { encoding: 'utf8' });
  const names = peerNameIndex();
  const wrong: string[] = [];
  let checked = 0;
  for (const code of codes) {
    const file = `test/Hadolint/Rule/${code}Spec.hs`;
    const { cases } = extractHadolintCases(file, git('show', `HEAD:${file}`));
    const ours = names.get(code.toLowerCase()) ?? [];
    assert.ok(ours.length > 0, `${code} names a rule`);
    for (const c of cases) {
      if (documented(c)) continue;
      const text = c.onBuild ? wrapRunInOnbuild(`${c.text}\n`) : `${c.text}\n`;
      // DL3057 is strict (off by default, as in hadolint): lintCase runs every rule.
      const fired = lintCase(text, { hadolintYaml: yamlOf(c) }).filter((f) => ours.includes(f.ruleId)).length;
      checked++;
      if (c.positive ? fired === 0 : fired > 0) wrong.push(`${file}:${c.line}${c.onBuild ? ' (onbuild)' : ''} expected ${c.positive ? 'a finding' : 'none'}, got ${fired}`);
    }
  }
  assert.ok(checked > 100, `read ${checked} cases`);
  assert.deepEqual(wrong, []);
});
