/**
 * How Stevedore does on the peers' own test suites: hadolint's rule specs and BuildKit's lint
 * checks, read at run time from local mirrors (`fetch github:hadolint/hadolint`,
 * `fetch github:moby/buildkit`); nothing of them is stored here (hadolint is GPL).
 *
 *   node --import tsx scripts/peer-conformance.ts [--hadolint DIR] [--buildkit DIR] [--json] [--details RULE] [--assume-from]
 *
 * A case counts for a rule when a Stevedore rule carrying that DL code or BuildKit name (as an
 * alias or a group) fires. Per rule it prints positives caught / total and negatives falsely
 * fired / total; `--details RULE` (a DL code, a BuildKit name or our rule id) lists the cases
 * missed or fired wrongly; `--json` prints everything as one JSON document. Most hadolint specs
 * are fragments without FROM, linted as written; `--assume-from` puts `FROM scratch` above those,
 * to measure the rules apart from how instructions before FROM are handled.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isBuildkitCheckName } from '../server/src/config/ruleConfig';
import { dockerfileRuleList } from '../server/src/dockerfile/rules/index.generated';
import { buildkitRuleNames, extractBuildkitCases, type BuildkitCase } from './conformance/buildkitChecks';
import { extractHadolintCases, wrapRunInOnbuild, type HadolintCase, type HadolintCaseConfig } from './conformance/hadolintSpecs';
import { lintCase, peerNameIndex, type CaseFinding } from './conformance/lintCase';

interface Options { hadolint: string; buildkit: string; json: boolean; details?: string; assumeFrom: boolean }

function parseArgs(argv: string[]): Options {
  const options: Options = { hadolint: '/work/.mirror/hadolint+hadolint', buildkit: '/work/.mirror/moby+buildkit', json: false, assumeFrom: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') options.json = true;
    else if (arg === '--hadolint') options.hadolint = argv[++i];
    else if (arg === '--buildkit') options.buildkit = argv[++i];
    else if (arg === '--details') options.details = argv[++i];
    else if (arg === '--assume-from') options.assumeFrom = true;
    else throw new Error(`unknown argument ${arg}`);
  }
  return options;
}

/** A mirror is a bare git directory, at DIR or DIR/repo (where `fetch` puts it), or a work tree. */
class Mirror {
  private constructor(private readonly gitDir: string) {}

  static open(dir: string): Mirror | undefined {
    for (const candidate of [join(dir, 'repo'), dir]) {
      if (!existsSync(candidate)) continue;
      try {
        execFileSync('git', ['--git-dir', candidate, 'rev-parse', 'HEAD'], { stdio: 'pipe' });
        return new Mirror(candidate);
      } catch {
        const dotGit = join(candidate, '.git');
        if (existsSync(dotGit)) return new Mirror(dotGit);
      }
    }
    return undefined;
  }

  private git(args: string[]): string {
    return execFileSync('git', ['--git-dir', this.gitDir, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  }

  get commit(): string { return this.git(['rev-parse', 'HEAD']).trim(); }
  list(folder: string): string[] { return this.git(['ls-tree', '-r', '--name-only', 'HEAD', folder]).split('\n').filter(Boolean); }
  read(path: string): string { return this.git(['show', `HEAD:${path}`]); }
}

interface Tally { total: number; hits: number }
const tally = (): Tally => ({ total: 0, hits: 0 });

interface HadolintRuleResult {
  code: string;
  ours: string[];
  plainPositives: Tally;
  plainNegatives: Tally;
  onbuildPositives: Tally;
  onbuildNegatives: Tally;
  /** Cases whose helper wants an exact number of findings and got another (still caught). */
  countMismatches: number;
  missed: { case: HadolintCase; fired: number }[];
  falseFires: { case: HadolintCase; fired: number }[];
  /** Caught, but not the number of times the helper asks for. */
  otherCounts: { case: HadolintCase; fired: number }[];
}

function hadolintYaml(config: HadolintCaseConfig): string | undefined {
  const lines: string[] = [];
  if (config.allowedRegistries) lines.push('trustedRegistries:', ...config.allowedRegistries.map((r) => `  - ${JSON.stringify(r)}`));
  if (config.labelSchema) {
    lines.push('label-schema:', ...Object.entries(config.labelSchema).map(([key, type]) => `  ${JSON.stringify(key)}: ${type}`));
    if (Object.keys(config.labelSchema).length === 0) lines[lines.length - 1] += ' {}';
  }
  if (config.strictLabels) lines.push('strict-labels: true');
  return lines.length > 0 ? `${lines.join('\n')}\n` : undefined;
}

function runHadolint(mirror: Mirror, names: Map<string, string[]>, assumeFrom: boolean) {
  const cases: HadolintCase[] = [];
  const unread: { file: string; line: number }[] = [];
  for (const file of mirror.list('test/Hadolint/Rule/').filter((f) => f.endsWith('Spec.hs'))) {
    const extracted = extractHadolintCases(file, mirror.read(file));
    cases.push(...extracted.cases);
    unread.push(...extracted.unread);
  }
  const rules = new Map<string, HadolintRuleResult>();
  const notImplemented = new Map<string, number>();
  for (const testCase of cases) {
    const ours = names.get(testCase.code.toLowerCase());
    if (!ours) { notImplemented.set(testCase.code, (notImplemented.get(testCase.code) ?? 0) + 1); continue; }
    let result = rules.get(testCase.code);
    if (!result) {
      result = { code: testCase.code, ours, plainPositives: tally(), plainNegatives: tally(), onbuildPositives: tally(), onbuildNegatives: tally(), countMismatches: 0, missed: [], falseFires: [], otherCounts: [] };
      rules.set(testCase.code, result);
    }
    // hadolint's helpers append a newline before parsing.
    let text = `${testCase.text}\n`;
    // Most specs are fragments without FROM; --assume-from measures the rules apart from that.
    if (assumeFrom && !/^\s*from\s/im.test(text)) text = `FROM scratch\n${text}`;
    if (testCase.onBuild) text = wrapRunInOnbuild(text);
    const findings = lintCase(text, { hadolintYaml: hadolintYaml(testCase.config) });
    const fired = findings.filter((f) => ours.includes(f.ruleId)).length;
    const bucket = testCase.positive
      ? (testCase.onBuild ? result.onbuildPositives : result.plainPositives)
      : (testCase.onBuild ? result.onbuildNegatives : result.plainNegatives);
    bucket.total++;
    if (testCase.positive) {
      if (fired > 0) bucket.hits++;
      else result.missed.push({ case: testCase, fired });
      if (fired > 0 && testCase.exactly !== undefined && fired !== testCase.exactly) {
        result.countMismatches++;
        result.otherCounts.push({ case: testCase, fired });
      }
    } else if (fired > 0) {
      bucket.hits++;
      result.falseFires.push({ case: testCase, fired });
    }
  }
  const sum = (pick: (r: HadolintRuleResult) => Tally): Tally => [...rules.values()].reduce((acc, r) => ({ total: acc.total + pick(r).total, hits: acc.hits + pick(r).hits }), tally());
  return {
    commit: mirror.commit,
    cases: cases.length,
    unread,
    notImplemented: Object.fromEntries([...notImplemented].sort()),
    rules: [...rules.values()].sort((a, b) => a.code.localeCompare(b.code)),
    totals: {
      plainPositives: sum((r) => r.plainPositives),
      plainNegatives: sum((r) => r.plainNegatives),
      onbuildPositives: sum((r) => r.onbuildPositives),
      onbuildNegatives: sum((r) => r.onbuildNegatives),
    },
  };
}

interface BuildkitRuleResult {
  name: string;
  ours: string[];
  /** Expected warnings (rule and line) found / all. */
  warnings: Tally;
  /** Our findings under this name that BuildKit does not expect (wrong line or no warning at all). */
  falseFires: number;
  /** Cases that expect no warning of this rule / of those, cases where we reported one. */
  negativeCases: Tally;
  missed: { case: BuildkitCase; line: number }[];
  wrong: { case: BuildkitCase; line: number }[];
}

function runBuildkit(mirror: Mirror, names: Map<string, string[]>) {
  const path = 'frontend/dockerfile/dockerfile_check_test.go';
  const { cases, unread } = extractBuildkitCases(mirror.read(path));
  const supported = cases.filter((c) => !c.unsupported);
  // BuildKit's checks are the names in its linter's rule set; other CamelCase aliases of ours
  // (UnknownInstruction) name BuildKit errors, which the cases state as build errors instead.
  const checkNames = buildkitRuleNames(mirror.read('frontend/dockerfile/linter/ruleset.go'));
  const checks = new Set(checkNames.map((n) => n.toLowerCase()));
  const ourNames = new Set([...names.keys()].filter((key) => {
    const original = dockerfileRuleList.flatMap((r) => [...r.meta.aliases, ...(r.meta.groups ?? [])]).find((n) => n.toLowerCase() === key)!;
    return isBuildkitCheckName(original) && (checks.size === 0 || checks.has(key));
  }));
  const displayName = new Map<string, string>();
  for (const rule of dockerfileRuleList) for (const n of [...rule.meta.aliases, ...(rule.meta.groups ?? [])]) if (isBuildkitCheckName(n)) displayName.set(n.toLowerCase(), n);
  for (const c of cases) for (const w of c.warnings) if (!displayName.has(w.rule.toLowerCase())) displayName.set(w.rule.toLowerCase(), w.rule);
  const rules = new Map<string, BuildkitRuleResult>();
  const notImplemented = new Map<string, number>();
  const findingsByCase = new Map<BuildkitCase, CaseFinding[]>();
  for (const c of supported) findingsByCase.set(c, lintCase(c.dockerfile, { dockerignore: c.dockerignore }));
  for (const key of new Set([...ourNames, ...cases.flatMap((c) => c.warnings.map((w) => w.rule.toLowerCase()))])) {
    const name = displayName.get(key)!;
    const ours = names.get(key);
    if (!ours) {
      notImplemented.set(name, supported.reduce((n, c) => n + c.warnings.filter((w) => w.rule.toLowerCase() === key).length, 0));
      continue;
    }
    const result: BuildkitRuleResult = { name, ours, warnings: tally(), falseFires: 0, negativeCases: tally(), missed: [], wrong: [] };
    for (const c of supported) {
      const expected = c.warnings.filter((w) => w.rule.toLowerCase() === key);
      const got = findingsByCase.get(c)!.filter((f) => ours.includes(f.ruleId)).map((f) => f.line);
      const remaining = [...got];
      // Warnings whose line BuildKit checks take a finding on that line; the others any left over.
      for (const warning of [...expected.filter((w) => w.lineChecked), ...expected.filter((w) => !w.lineChecked)]) {
        result.warnings.total++;
        const at = warning.lineChecked ? remaining.indexOf(warning.line) : remaining.length > 0 ? 0 : -1;
        if (at >= 0) { result.warnings.hits++; remaining.splice(at, 1); } else result.missed.push({ case: c, line: warning.line });
      }
      result.falseFires += remaining.length;
      for (const line of remaining) result.wrong.push({ case: c, line });
      if (expected.length === 0) {
        result.negativeCases.total++;
        if (got.length > 0) result.negativeCases.hits++;
      }
    }
    rules.set(key, result);
  }
  // Checks of BuildKit's rule set that no readable case exercises are still listed when we lack them.
  for (const name of checkNames) if (!names.has(name.toLowerCase()) && !notImplemented.has(name)) notImplemented.set(name, 0);
  const list = [...rules.values()].sort((a, b) => a.name.localeCompare(b.name));
  // Cases where BuildKit's build fails: does Stevedore report an error on that line?
  const buildErrors = { total: 0, hits: 0, missed: [] as { case: BuildkitCase; line: number }[] };
  for (const c of supported) {
    if (c.buildErrorLine === undefined) continue;
    buildErrors.total++;
    if (findingsByCase.get(c)!.some((f) => f.error && f.line === c.buildErrorLine)) buildErrors.hits++;
    else buildErrors.missed.push({ case: c, line: c.buildErrorLine });
  }
  return {
    buildErrors,
    commit: mirror.commit,
    cases: cases.length,
    unread,
    unsupported: cases.filter((c) => c.unsupported).map((c) => ({ test: c.test, line: c.line, why: c.unsupported })),
    notImplemented: Object.fromEntries([...notImplemented].sort()),
    rules: list,
    totals: {
      warnings: list.reduce((acc, r) => ({ total: acc.total + r.warnings.total, hits: acc.hits + r.warnings.hits }), tally()),
      falseFires: list.reduce((n, r) => n + r.falseFires, 0),
      negativeCases: list.reduce((acc, r) => ({ total: acc.total + r.negativeCases.total, hits: acc.hits + r.negativeCases.hits }), tally()),
    },
  };
}

const ratio = (t: Tally) => `${t.hits}/${t.total}`;
const percent = (t: Tally) => (t.total === 0 ? '  —  ' : `${((100 * t.hits) / t.total).toFixed(1)}%`);

function printHadolint(result: ReturnType<typeof runHadolint>, assumeFrom: boolean): void {
  console.log(`hadolint ${result.commit.slice(0, 12)}: ${result.cases} cases from test/Hadolint/Rule/*Spec.hs${result.unread.length ? `, ${result.unread.length} unreadable (${result.unread.map((u) => `${u.file}:${u.line}`).join(', ')})` : ''}; ${assumeFrom ? 'fragments without FROM get FROM scratch above them' : 'linted as written'}`);
  console.log('  code     our rule                          plain caught  plain false  onbuild caught  onbuild false');
  for (const r of result.rules) {
    console.log(`  ${r.code.padEnd(8)} ${r.ours.join(',').padEnd(33)} ${ratio(r.plainPositives).padStart(12)}  ${ratio(r.plainNegatives).padStart(11)}  ${ratio(r.onbuildPositives).padStart(14)}  ${ratio(r.onbuildNegatives).padStart(13)}${r.countMismatches ? `  (${r.countMismatches} with another count)` : ''}`);
  }
  printHadolintTotals(result, 'total');
  const missing = Object.entries(result.notImplemented);
  if (missing.length) console.log(`  not implemented (cases): ${missing.map(([code, n]) => `${code} (${n})`).join(', ')}`);
}

function printHadolintTotals(result: ReturnType<typeof runHadolint>, label: string): void {
  const t = result.totals;
  const all = { total: t.plainPositives.total + t.onbuildPositives.total, hits: t.plainPositives.hits + t.onbuildPositives.hits };
  const allNegatives = { total: t.plainNegatives.total + t.onbuildNegatives.total, hits: t.plainNegatives.hits + t.onbuildNegatives.hits };
  console.log(`  ${label}: plain positives caught ${ratio(t.plainPositives)} (${percent(t.plainPositives)}), with ONBUILD variants ${ratio(all)} (${percent(all)});`);
  console.log(`    negatives falsely fired: plain ${ratio(t.plainNegatives)} (${percent(t.plainNegatives)}), with ONBUILD variants ${ratio(allNegatives)} (${percent(allNegatives)})`);
}

function printBuildkit(result: ReturnType<typeof runBuildkit>): void {
  console.log(`BuildKit ${result.commit.slice(0, 12)}: ${result.cases} cases from frontend/dockerfile/dockerfile_check_test.go${result.unread.length ? `, ${result.unread.length} unreadable (${result.unread.map((u) => `${u.test}:${u.line}`).join(', ')})` : ''}${result.unsupported.length ? `, ${result.unsupported.length} left out (${result.unsupported.map((u) => `${u.test}:${u.line}`).join(', ')}: ${result.unsupported[0].why})` : ''}`);
  console.log('  check                            our rule                          warnings caught  false fires  negative cases fired');
  for (const r of result.rules) {
    console.log(`  ${r.name.padEnd(32)} ${r.ours.join(',').slice(0, 60).padEnd(33)} ${ratio(r.warnings).padStart(15)}  ${String(r.falseFires).padStart(11)}  ${ratio(r.negativeCases).padStart(20)}`);
  }
  const t = result.totals;
  console.log(`  total: expected warnings caught ${ratio(t.warnings)} (${percent(t.warnings)}), false fires ${t.falseFires}, negative cases fired ${ratio(t.negativeCases)} (${percent(t.negativeCases)})`);
  const missing = Object.entries(result.notImplemented);
  if (missing.length) console.log(`  not implemented (expected warnings): ${missing.map(([name, n]) => `${name} (${n})`).join(', ')}`);
  const errors = result.buildErrors;
  console.log(`  build errors: Stevedore reports an error on the line BuildKit fails on in ${ratio(errors)} cases${errors.missed.length ? ` (not: ${errors.missed.map((m) => `${m.case.test} line ${m.line}`).join(', ')})` : ''}`);
}

function printDetails(rule: string, hadolint?: ReturnType<typeof runHadolint>, buildkit?: ReturnType<typeof runBuildkit>): void {
  const key = rule.toLowerCase();
  const show = (text: string) => text.replace(/\n$/, '').split('\n').map((l) => `      | ${l}`).join('\n');
  const matches = (name: string, ours: string[]) => name.toLowerCase() === key || ours.includes(key);
  for (const r of hadolint?.rules ?? []) {
    if (!matches(r.code, r.ours)) continue;
    console.log(`\n${r.code} (${r.ours.join(', ')}): ${r.missed.length} missed, ${r.falseFires.length} false`);
    const describe = (c: HadolintCase) => `${c.file}:${c.line} ${c.onBuild ? 'onbuild ' : ''}${Object.keys(c.config).length ? `config ${JSON.stringify(c.config)}` : ''}`;
    for (const { case: c } of r.missed) console.log(`  missed  ${describe(c)}\n${show(c.onBuild ? wrapRunInOnbuild(c.text) : c.text)}`);
    for (const { case: c, fired } of r.falseFires) console.log(`  false (${fired}×) ${describe(c)}\n${show(c.onBuild ? wrapRunInOnbuild(c.text) : c.text)}`);
    for (const { case: c, fired } of r.otherCounts) console.log(`  count ${fired}, expected ${c.exactly}: ${describe(c)}\n${show(c.onBuild ? wrapRunInOnbuild(c.text) : c.text)}`);
  }
  for (const r of buildkit?.rules ?? []) {
    if (!matches(r.name, r.ours)) continue;
    console.log(`\n${r.name} (${r.ours.join(', ')}): ${r.missed.length} missed, ${r.wrong.length} false`);
    const describe = (c: BuildkitCase) => `${c.test} (line ${c.line} of the test file)${c.dockerignore !== undefined ? ` .dockerignore ${JSON.stringify(c.dockerignore)}` : ''}`;
    for (const { case: c, line } of r.missed) console.log(`  missed at line ${line}: ${describe(c)}\n${show(c.dockerfile)}`);
    for (const { case: c, line } of r.wrong) console.log(`  false at line ${line}: ${describe(c)}\n${show(c.dockerfile)}`);
  }
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const names = peerNameIndex();
  const hadolintMirror = Mirror.open(options.hadolint);
  const buildkitMirror = Mirror.open(options.buildkit);
  if (!hadolintMirror) console.error(`hadolint: no mirror at ${options.hadolint} (fetch github:hadolint/hadolint); skipped`);
  if (!buildkitMirror) console.error(`BuildKit: no mirror at ${options.buildkit} (fetch github:moby/buildkit); skipped`);
  const hadolint = hadolintMirror ? runHadolint(hadolintMirror, names, options.assumeFrom) : undefined;
  // The other reading, for the headline: fragments given a FROM (how issue 14 first measured).
  const hadolintOther = hadolintMirror && !options.details ? runHadolint(hadolintMirror, names, !options.assumeFrom) : undefined;
  const buildkit = buildkitMirror ? runBuildkit(buildkitMirror, names) : undefined;
  if (options.json) {
    const slim = <T extends object>(value: T) => JSON.parse(JSON.stringify(value, (k, v) => (k === 'case' ? { ...v, text: undefined, dockerfile: undefined } : v)));
    const otherKey = options.assumeFrom ? 'hadolintAsWrittenTotals' : 'hadolintAssumingFromTotals';
    console.log(JSON.stringify({ hadolint: hadolint && slim(hadolint), [otherKey]: hadolintOther?.totals, buildkit: buildkit && slim(buildkit) }, null, 2));
    return;
  }
  if (options.details) { printDetails(options.details, hadolint, buildkit); return; }
  if (hadolint) printHadolint(hadolint, options.assumeFrom);
  if (hadolintOther) printHadolintTotals(hadolintOther, options.assumeFrom ? 'as written' : 'with FROM scratch above fragments (--assume-from)');
  if (hadolint && buildkit) console.log('');
  if (buildkit) printBuildkit(buildkit);
}

main();
