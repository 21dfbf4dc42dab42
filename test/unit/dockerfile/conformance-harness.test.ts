// The peer-conformance harness (scripts/peer-conformance.ts) reads hadolint's Haskell specs and
// BuildKit's Go test at run time. These tests pin its readers on small inputs of our own, in
// the shapes those files use, so a misread shows up here and not as a silent drop in the numbers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildkitRuleNames, extractBuildkitCases } from '../../../scripts/conformance/buildkitChecks';
import { extractHadolintCases, wrapRunInOnbuild } from '../../../scripts/conformance/hadolintSpecs';
import { lintCase, peerNameIndex } from '../../../scripts/conformance/lintCase';

const haskellSpec = [
  'spec = do',
  '  let ?config = def',
  '  describe "DL9000 - made up" $ do',
  '    it "literal" $ do',
  '      ruleCatches "DL9000" "RUN make \\"all\\""',
  '      onBuildRuleCatches "DL9000" "RUN make all"',
  '    it "gap and list" $',
  '      let dockerFile =',
  '            [ "FROM alpine:3.20",',
  '              "RUN echo one \\',
  '              \\two"',
  '            ]',
  '       in ruleCatchesNot "DL9000" $ Text.unlines dockerFile',
  '    it "named code" $ do',
  '      let',
  '        rule = "DL9001"',
  '        snippet = Text.unlines [ "ENV a=b" ] <> "LABEL x=y"',
  '       in onBuildRuleCatchesNot rule snippet',
  '    it "exact count with config" $',
  '      let ?config = def { labelSchema = Map.fromList [("team", Rule.Email)], strictLabels = True }',
  '       in assertChecks (Text.unlines [ "FROM a", "FROM b" ]) (failsWith 2 "DL9002")',
  '    it "back to the file config" $ ruleCatches "DL9003" "FROM c" -- a comment',
  '    it "not a code" $ ruleCatchesNot "FROM x\\nDL9004" "WORKDIR /"',
].join('\n');

test('hadolint specs: literals, gaps, let-bound lists and names, <> and exact counts are read', () => {
  const { cases, unread } = extractHadolintCases('Made.hs', haskellSpec);
  const summary = cases.map((c) => [c.code, c.positive, c.onBuild, c.exactly, c.text]);
  assert.deepEqual(summary, [
    ['DL9000', true, false, undefined, 'RUN make "all"'],
    ['DL9000', true, true, 1, 'RUN make all'],
    ['DL9000', false, false, undefined, 'FROM alpine:3.20\nRUN echo one two\n'],
    ['DL9001', false, true, undefined, 'ENV a=b\nLABEL x=y'],
    ['DL9002', true, false, 2, 'FROM a\nFROM b\n'],
    ['DL9003', true, false, undefined, 'FROM c'],
  ]);
  assert.deepEqual(cases[4].config, { labelSchema: { team: 'email' }, strictLabels: true });
  assert.deepEqual(cases[5].config, {}, 'a config set inside one `it` ends with it');
  assert.deepEqual(unread, [{ file: 'Made.hs', line: 23 }], 'a helper called with something that is not a DL code is reported, not counted');
});

test('the ONBUILD variant wraps RUN instructions only, not their continuation lines or heredoc bodies', () => {
  const text = 'FROM x\nRUN a \\\n  RUN-like continuation\nrun <<EOT\nRUN inside heredoc\nEOT\nCOPY a b\n';
  assert.equal(wrapRunInOnbuild(text), 'FROM x\nONBUILD RUN a \\\n  RUN-like continuation\nONBUILD run <<EOT\nRUN inside heredoc\nEOT\nCOPY a b\n');
});

const goTest = [
  'func testMadeUp(t *testing.T, sb integration.Sandbox) {',
  '\twarn := func(what string, line int) expectedLintWarning {',
  '\t\treturn expectedLintWarning{RuleName: "MadeUpRule", Detail: fmt.Sprintf("about %s", what), Line: line}',
  '\t}',
  '\tdockerfile := []byte(`',
  'FROM scratch',
  '`)',
  '\tcheckLinterWarnings(t, sb, &lintTestParams{Dockerfile: dockerfile})',
  '',
  '\timage := integration.UnixOrWindows("alpine", "nanoserver")',
  '\tdockerfile = fmt.Appendf(nil, `',
  'FROM %s',
  'COPY a b',
  '`, image)',
  '\tcheckLinterWarnings(t, sb, &lintTestParams{',
  '\t\tDockerfile: dockerfile,',
  '\t\tDockerIgnore: []byte("a\\n"),',
  '\t\tWarnings: []expectedLintWarning{',
  '\t\t\t{RuleName: "OtherRule", Line: 2, Level: 1},',
  '\t\t\twarn("COPY", 3),',
  '\t\t},',
  '\t\tFrontendAttrs: map[string]string{"build-arg:BUILDKIT_DOCKERFILE_CHECK": "skip=all"},',
  '\t})',
  '\tcheckLinterWarnings(t, sb, &lintTestParams{Dockerfile: []byte(registry + "/x")})',
  '}',
].join('\n');

test('BuildKit checks: variables, fmt formatting, UnixOrWindows, closures and options are read', () => {
  const { cases, unread } = extractBuildkitCases(goTest);
  assert.equal(cases.length, 2);
  assert.deepEqual(cases[0], { test: 'testMadeUp', line: 8, dockerfile: '\nFROM scratch\n', dockerignore: undefined, warnings: [] });
  assert.equal(cases[1].dockerfile, '\nFROM alpine\nCOPY a b\n');
  assert.equal(cases[1].dockerignore, 'a\n');
  assert.deepEqual(cases[1].warnings, [{ rule: 'OtherRule', line: 2, lineChecked: true }, { rule: 'MadeUpRule', line: 3, lineChecked: true }]);
  assert.match(cases[1].unsupported ?? '', /BUILDKIT_DOCKERFILE_CHECK/);
  assert.deepEqual(unread, [{ test: 'testMadeUp', line: 24 }], 'a Dockerfile built from an unknown value is reported as unread');
});

test('BuildKit checks: lines of the all-stages view (UnmarshalWarnings) are not taken as evidence', () => {
  const source = [
    'func testViews(t *testing.T, sb integration.Sandbox) {',
    '\tcheckLinterWarnings(t, sb, &lintTestParams{',
    '\t\tDockerfile: []byte("FROM a\\nENV k v\\n"),',
    '\t\tUnmarshalWarnings: []expectedLintWarning{{RuleName: "SomeRule", Line: 9}},',
    '\t})',
    '}',
  ].join('\n');
  const [only] = extractBuildkitCases(source).cases;
  assert.equal(only.dockerfile, 'FROM a\nENV k v\n');
  assert.deepEqual(only.warnings, [{ rule: 'SomeRule', line: 9, lineChecked: false }]);
});

test('BuildKit checks: the expected build error line, and the check names of the linter rule set', () => {
  const source = 'func testFails(t *testing.T, sb integration.Sandbox) {\n\tcheckLinterWarnings(t, sb, &lintTestParams{Dockerfile: []byte("FROM a\\nNOPE\\n"), BuildErr: "parse error", BuildErrLocation: 2})\n}\n';
  assert.equal(extractBuildkitCases(source).cases[0].buildErrorLine, 2);
  assert.deepEqual(buildkitRuleNames('var (\n\tRuleOne = LinterRule[func()]{\n\t\tName: "RuleOne",\n\t}\n\tRuleTwo = LinterRule[func()]{\n\t\tName:        "RuleTwo",\n\t}\n)\n'), ['RuleOne', 'RuleTwo']);
});

test('a case is linted like `stevedore lint`, with its .hadolint.yaml and .dockerignore', () => {
  const names = peerNameIndex();
  assert.ok(names.get('dl3026')?.includes('untrusted-registry'));
  assert.ok(names.get('multipleinstructionsdisallowed')?.includes('multiple-cmd'), 'groups count as peer names');
  const untrusted = (yaml?: string) => lintCase('FROM elsewhere.example/app:1\n', { hadolintYaml: yaml }).some((f) => f.ruleId === 'untrusted-registry');
  assert.equal(untrusted('trustedRegistries:\n  - mine.example\n'), true);
  assert.equal(untrusted(), false);
  const ignored = (dockerignore?: string) => lintCase('FROM scratch\nCOPY secret.txt /s\n', { dockerignore }).find((f) => f.ruleId === 'copy-ignored-file');
  assert.deepEqual(ignored('secret.txt\n'), { ruleId: 'copy-ignored-file', line: 2, error: false });
  assert.equal(ignored(), undefined);
});
