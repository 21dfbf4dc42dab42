import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { escapeXml, formatCheckstyle } from '../../server/src/cli/formats/checkstyle';
import { escapeData, escapeProperty, formatGithub } from '../../server/src/cli/formats/github';
import { formatGitlab } from '../../server/src/cli/formats/gitlab';
import { buildSarif } from '../../server/src/cli/formats/sarif';
import { colourPalette, formatText, plainPalette, wantsColour } from '../../server/src/cli/formats/text';
import type { Report } from '../../server/src/cli/report';
import { dockerfileRules } from '../../server/src/dockerfile/rules';
import { kubernetesRules } from '../../server/src/kubernetes/rules';
import { composeRules } from '../../server/src/compose/rules';
import { cli, sampleDockerfile, samplePod, tree } from './helpers';
import { validateSarif } from './sarifValidator';

/** A hand-made report with awkward text: markup characters, separators, newlines, percent signs. */
function sampleReport(): Report {
  const awkward: Diagnostic = {
    range: { start: { line: 2, character: 4 }, end: { line: 3, character: 1 } },
    severity: DiagnosticSeverity.Error,
    code: 'image-untagged',
    source: 'stevedore',
    message: 'a <b> & "c", 50% : done\nsecond line\r',
    data: { ruleId: 'image-untagged', fixes: [{ title: 'Pin it', safe: false, edits: [{ range: { start: { line: 2, character: 5 }, end: { line: 2, character: 11 } }, newText: 'alpine:3.20' }] }] },
  };
  const hint: Diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Hint, code: 'image-pull-policy-unset', message: 'hint' };
  return {
    files: [
      { path: 'dir,1/Docker:file', absolute: '/work/repo/dir,1/Docker:file', kind: 'dockerfile', diagnostics: [awkward], failAt: 2 },
      { path: 'k8s/pod.yaml', absolute: '/work/repo/k8s/pod.yaml', kind: 'yaml', diagnostics: [hint], failAt: 2 },
      { path: 'clean/Dockerfile', absolute: '/work/repo/clean/Dockerfile', kind: 'dockerfile', diagnostics: [], failAt: 2 },
    ],
    skipped: [{ path: 'big.yaml', reason: 'too-large' }],
    lang: 'en',
    root: '/work/repo',
    version: '1.2.3',
  };
}

describe('text format', () => {
  it('groups by file, prints path:line:col severity id message, and a summary', () => {
    const text = formatText(sampleReport(), plainPalette, 'warning');
    assert.match(text, /^dir,1\/Docker:file\n {2}dir,1\/Docker:file:3:5 error image-untagged a <b>/m);
    assert.match(text, /k8s\/pod\.yaml:1:1 hint image-pull-policy-unset hint/);
    assert.ok(!text.includes('clean/Dockerfile'), 'files without findings are not listed');
    assert.match(text, /3 files checked: 1 error, 0 warnings, 0 info, 1 hint; 1 at or above the failure threshold \(warning\)\n$/);
    assert.ok(!text.includes('\u001b['), 'no colour codes');
  });

  it('colours severities only when asked', () => {
    const text = formatText(sampleReport(), colourPalette, 'warning');
    assert.ok(text.includes('\u001b[31merror\u001b[39m'));
  });

  it('decides colour from the flag, FORCE_COLOR, NO_COLOR, then the terminal', () => {
    assert.equal(wantsColour(undefined, {}, true), true);
    assert.equal(wantsColour(undefined, {}, false), false);
    assert.equal(wantsColour(undefined, { NO_COLOR: '1' }, true), false);
    assert.equal(wantsColour(undefined, { NO_COLOR: '' }, true), true);
    assert.equal(wantsColour(undefined, { FORCE_COLOR: '1' }, false), true);
    assert.equal(wantsColour(undefined, { FORCE_COLOR: '0' }, true), false);
    assert.equal(wantsColour(false, { FORCE_COLOR: '1' }, true), false);
    assert.equal(wantsColour(true, { NO_COLOR: '1' }, false), true);
  });
});

describe('github format', () => {
  it('escapes message data and property values the way the runner decodes them', () => {
    assert.equal(escapeData('50% a\r\nb: c, d'), '50%25 a%0D%0Ab: c, d');
    assert.equal(escapeProperty('50% a\nb: c, d'), '50%25 a%0Ab%3A c%2C d');
  });

  it('writes one annotation command per finding with positions and a title', () => {
    const lines = formatGithub(sampleReport()).trimEnd().split('\n');
    assert.equal(lines.length, 2);
    assert.equal(lines[0], '::error file=dir%2C1/Docker%3Afile,line=3,col=5,endLine=4,endColumn=2,title=image-untagged%3A Base image without a tag::a <b> & "c", 50%25 : done%0Asecond line%0D');
    assert.match(lines[1], /^::notice file=k8s\/pod\.yaml,line=1,col=1,endLine=1,endColumn=1,title=image-pull-policy-unset%3A [^:]+::hint$/);
  });
});

describe('checkstyle format', () => {
  it('escapes XML and drops characters XML cannot carry', () => {
    assert.equal(escapeXml('a<b>&"c"\'d\'\n\u0001'), 'a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;&#10;');
  });

  it('lists every file with its errors', () => {
    const xml = formatCheckstyle(sampleReport());
    assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<checkstyle version="4\.3">/);
    assert.match(xml, /<file name="dir,1\/Docker:file">\n {4}<error line="3" column="5" severity="error" message="a &lt;b&gt; &amp; &quot;c&quot;, 50% : done&#10;second line&#13;" source="stevedore\.image-untagged"\/>/);
    assert.match(xml, /<error line="1" column="1" severity="info" message="hint" source="stevedore\.image-pull-policy-unset"\/>/);
    assert.match(xml, /<file name="clean\/Dockerfile">\n {2}<\/file>/);
    // Well-formed enough for a parser: every element closes, no raw markup characters in attributes.
    assert.equal((xml.match(/<file /g) ?? []).length, (xml.match(/<\/file>/g) ?? []).length);
    for (const attribute of xml.match(/message="[^"]*"/g) ?? []) assert.ok(!/[<>&](?!amp;|lt;|gt;|quot;|apos;|#\d+;)/.test(attribute.slice(9)), attribute);
  });
});

describe('gitlab format', () => {
  it('writes Code Quality issues with stable, distinct fingerprints', () => {
    const report = sampleReport();
    report.files[0].diagnostics.push({ ...report.files[0].diagnostics[0], range: { start: { line: 9, character: 0 }, end: { line: 9, character: 1 } } });
    const issues = JSON.parse(formatGitlab(report)) as { check_name: string; description: string; severity: string; fingerprint: string; location: { path: string; lines: { begin: number } } }[];
    assert.equal(issues.length, 3);
    assert.deepEqual(issues.map((i) => [i.check_name, i.severity, i.location.path, i.location.lines.begin]), [
      ['image-untagged', 'major', 'dir,1/Docker:file', 3],
      ['image-untagged', 'major', 'dir,1/Docker:file', 10],
      ['image-pull-policy-unset', 'info', 'k8s/pod.yaml', 1],
    ]);
    assert.equal(new Set(issues.map((i) => i.fingerprint)).size, 3);
    assert.equal(JSON.parse(formatGitlab(report))[0].fingerprint, issues[0].fingerprint, 'same input, same fingerprint');
  });
});

describe('sarif format', () => {
  it('is valid SARIF 2.1.0 with rule metadata from the registries', () => {
    const sarif = buildSarif(sampleReport());
    assert.deepEqual(validateSarif(sarif), []);
    const run = (sarif.runs as Record<string, any>[])[0];
    const rules = run.tool.driver.rules as Record<string, any>[];
    assert.equal(rules.length, dockerfileRules.rules.length + kubernetesRules.rules.length + composeRules.rules.length);
    const untagged = rules.find((r) => r.id === 'image-untagged')!;
    assert.equal(untagged.name, 'ImageUntagged');
    assert.match(untagged.helpUri, /^file:\/\/.*\/docs\/rules\/image-untagged\.md$/, 'the installed page (test/cli/rule-docs.test.ts has the details)');
    assert.ok(untagged.shortDescription.text.length > 0 && untagged.fullDescription.text.length > 0);
    assert.ok(['error', 'warning', 'note'].includes(untagged.defaultConfiguration.level));
    const meta = dockerfileRules.find('image-untagged')!.meta;
    for (const tag of ['dockerfile', meta.category, ...meta.aliases]) assert.ok(untagged.properties.tags.includes(tag), tag);
    const security = rules.find((r) => r.properties.category === 'security');
    assert.ok(security?.properties['security-severity'], 'security rules carry a security-severity');
  });

  it('places results with 1-based regions, relative URIs and fixes', () => {
    const run = (buildSarif(sampleReport()).runs as Record<string, any>[])[0];
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, 'file:///work/repo/');
    assert.equal(run.columnKind, 'utf16CodeUnits');
    const [first, second] = run.results as Record<string, any>[];
    assert.equal(first.ruleId, 'image-untagged');
    assert.equal(run.tool.driver.rules[first.ruleIndex].id, 'image-untagged');
    assert.equal(first.level, 'error');
    assert.equal(second.level, 'note');
    const location = first.locations[0].physicalLocation;
    assert.deepEqual(location.artifactLocation, { uri: 'dir%2C1/Docker%3Afile', uriBaseId: '%SRCROOT%', index: 0 });
    assert.deepEqual(location.region, { startLine: 3, startColumn: 5, endLine: 4, endColumn: 2 });
    assert.deepEqual(first.fixes[0].artifactChanges[0].replacements[0], { deletedRegion: { startLine: 3, startColumn: 6, endLine: 3, endColumn: 12 }, insertedContent: { text: 'alpine:3.20' } });
    assert.equal(run.invocations[0].toolExecutionNotifications.length, 1);
  });

  it('uses absolute file URIs for files outside the root', () => {
    const report = sampleReport();
    report.root = '/elsewhere';
    const run = (buildSarif(report).runs as Record<string, any>[])[0];
    assert.equal(run.results[0].locations[0].physicalLocation.artifactLocation.uri, 'file:///work/repo/dir,1/Docker:file');
    assert.deepEqual(validateSarif(buildSarif(report)), []);
  });

  it('the validator rejects what the official schema forbids', () => {
    const sarif = buildSarif(sampleReport()) as Record<string, any>;
    sarif.runs[0].results[0].level = 'fatal';
    sarif.runs[0].results[0].extra = true;
    delete sarif.runs[0].results[1].message;
    sarif.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    sarif.runs[0].tool.driver.rules[0].defaultConfiguration.level = 'info';
    assert.deepEqual(validateSarif(sarif).sort(), [
      '$/runs/0/results/0/level: must be equal to one of the allowed values (none, note, warning, error)',
      '$/runs/0/results/0/locations/0/physicalLocation/region/startLine: must be >= 1',
      '$/runs/0/results/0: must NOT have additional properties "extra"',
      "$/runs/0/results/1: must have required property 'message'",
      '$/runs/0/tool/driver/rules/0/defaultConfiguration/level: must be equal to one of the allowed values (none, note, warning, error)',
    ].sort());
    assert.deepEqual(validateSarif({ version: '2.1.0' }), ["$: must have required property 'runs'"]);
    assert.deepEqual(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x', informationUri: 'not a uri' } } }] }), [
      '$/runs/0/tool/driver/informationUri: must match format "uri"',
    ]);
  });

  it('the validator checks the links and orderings the schema cannot express', () => {
    const sarif = buildSarif(sampleReport()) as Record<string, any>;
    sarif.runs[0].results[0].ruleIndex += 1;
    sarif.runs[0].results[0].locations[0].physicalLocation.region.endLine = 1;
    sarif.runs[0].results[1].locations[0].physicalLocation.artifactLocation.index = 0;
    sarif.runs[0].originalUriBaseIds['%SRCROOT%'].uri = 'file:///work/repo';
    assert.deepEqual(validateSarif(sarif), [
      '$/runs/0/results/0: ruleIndex does not point at ruleId',
      '$/runs/0/results/0: region ends before it starts',
      '$/runs/0/results/1: artifact index does not match the uri',
      '$/runs/0/originalUriBaseIds/%SRCROOT%: a base URI must end with "/"',
    ]);
  });
});

describe('formats end to end', () => {
  it('every format runs over a real tree, and --output writes the report to a file', async () => {
    const root = tree({ Dockerfile: sampleDockerfile, 'k8s/pod.yaml': samplePod });
    for (const format of ['text', 'json', 'sarif', 'github', 'checkstyle', 'gitlab']) {
      const run = await cli(['lint', '.', '-f', format], { cwd: root });
      assert.equal(run.code, 1, `${format}: ${run.stderr}`);
      assert.ok(run.stdout.length > 0, format);
      if (format === 'sarif') assert.deepEqual(validateSarif(JSON.parse(run.stdout)), []);
      if (format === 'json' || format === 'gitlab') JSON.parse(run.stdout);
    }
    const toFile = await cli(['lint', '.', '--format=sarif', '--output', 'out/report.sarif'], { cwd: root });
    assert.equal(toFile.stdout, '');
    assert.equal(toFile.code, 2, 'a missing output folder is an error');
    const ok = await cli(['lint', '.', '--format=sarif', '-o', 'report.sarif'], { cwd: root });
    assert.equal(ok.code, 1);
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const sarif = JSON.parse(readFileSync(join(root, 'report.sarif'), 'utf8'));
    assert.deepEqual(validateSarif(sarif), []);
    const uris = sarif.runs[0].results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri);
    assert.ok(uris.includes('Dockerfile') && uris.includes('k8s/pod.yaml'), uris.join());
  });

  it('the JSON report has the documented shape', async () => {
    const root = tree({ Dockerfile: sampleDockerfile });
    const report = JSON.parse((await cli(['lint', '.', '-f', 'json'], { cwd: root })).stdout);
    assert.deepEqual(Object.keys(report), ['version', 'tool', 'files', 'skipped', 'summary']);
    assert.equal(report.version, 1);
    const d = report.files[0].diagnostics[0];
    assert.deepEqual(Object.keys(d), ['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'failing', 'helpUri', 'fixes']);
    assert.deepEqual(Object.keys(report.summary), ['files', 'errors', 'warnings', 'info', 'hints', 'failing']);
  });
});

describe('repository paths', () => {
  it('GitHub, GitLab and SARIF place files by repository path even when run from a subfolder', async () => {
    const root = tree({ 'services/api/Dockerfile': sampleDockerfile });
    const cwd = `${root}/services`;
    const github = await cli(['lint', '.', '-f', 'github'], { cwd });
    assert.match(github.stdout, /^::warning file=services\/api\/Dockerfile,/m);
    assert.match(github.stderr, /1 file checked: .*warnings/, 'the job log gets the totals');
    assert.ok(github.stdout.split('\n').every((line) => line === '' || line.startsWith('::')), 'stdout carries commands only');
    const gitlab = JSON.parse((await cli(['lint', '.', '-f', 'gitlab'], { cwd })).stdout);
    assert.equal(gitlab[0].location.path, 'services/api/Dockerfile');
    const sarif = JSON.parse((await cli(['lint', '.', '-f', 'sarif'], { cwd })).stdout);
    assert.equal(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'services/api/Dockerfile');
    assert.equal(sarif.runs[0].originalUriBaseIds['%SRCROOT%'].uri, `file://${root}/`);
    const text = await cli(['lint', '.'], { cwd });
    assert.match(text.stdout, /^api\/Dockerfile$/m, 'the text report keeps the paths as the user sees them');
  });
});
