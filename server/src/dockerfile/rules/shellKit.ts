import type { Instruction } from 'dockerfile-ast';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { Localized } from '../../common/localized';
import type { Finding } from '../../common/rules';
import type { DockerfileModel } from '../model';
import { dockerfileShell, wordRange, type RunAnalysis, type ShellCommand, type ShellWord, type StageInfo } from '../shell';
import type { DockerfileRuleSubject } from './context';
import { perModel } from '../perModel';

/** Helpers the command-analysing rules share: option parsing, package lists, edits. */

export interface OptionSpec {
  /** Short options that take a value, as letters: 'ot' for `-o X`, `-t X`. */
  shortWithValue?: string;
  /** Long options (without `--`) that take a value when not written as `--name=value`. */
  longWithValue?: string[];
}

export interface ParsedOption {
  /** Letter for short options, name for long ones (no dashes). */
  name: string;
  long: boolean;
  value: string | undefined;
  word: ShellWord;
}

export interface ParsedArgs {
  options: ParsedOption[];
  positionals: ShellWord[];
  has(...names: string[]): boolean;
  /** `has` for a list made once (a module constant): no argument array per question. */
  hasAny(names: readonly string[]): boolean;
  values(name: string): string[];
}

/** Each option table's long options as a Set, built once per table rather than on every parse. */
const longOptionSets = new WeakMap<OptionSpec, ReadonlySet<string>>();
const noLongOptions: ReadonlySet<string> = new Set();

function longOptionsOf(spec: OptionSpec): ReadonlySet<string> {
  if (!spec.longWithValue || spec.longWithValue.length === 0) return noLongOptions;
  let set = longOptionSets.get(spec);
  if (!set) longOptionSets.set(spec, (set = new Set(spec.longWithValue)));
  return set;
}

/** A parse result whose helpers live on the prototype: no closures per parsed command. */
class ParsedArgList implements ParsedArgs {
  /** Each option as written with its dashes (`--yes`, `-y`), made on the first question only. */
  private spelled: string[] | undefined;

  constructor(readonly options: ParsedOption[], readonly positionals: ShellWord[]) {}

  has(...names: string[]): boolean {
    return this.hasAny(names);
  }

  hasAny(names: readonly string[]): boolean {
    const spelled = this.spelledOptions();
    for (let k = 0; k < spelled.length; k++) if (names.includes(spelled[k])) return true;
    return false;
  }

  values(name: string): string[] {
    const spelled = this.spelledOptions();
    return this.options.filter((o, i) => spelled[i] === name && o.value !== undefined).map((o) => o.value!);
  }

  /** Several rules ask the same parse: spell the options once instead of on every question. */
  private spelledOptions(): string[] {
    return (this.spelled ??= this.options.map((o) => (o.long ? `--${o.name}` : `-${o.name}`)));
  }
}

export function parseArgs(args: readonly ShellWord[], spec: OptionSpec = {}): ParsedArgs {
  const options: ParsedOption[] = [];
  const positionals: ShellWord[] = [];
  const shortWithValue = spec.shortWithValue ?? '';
  const longWithValue = longOptionsOf(spec);
  let onlyPositionals = false;
  for (let i = 0; i < args.length; i++) {
    const word = args[i];
    const text = word.text;
    if (onlyPositionals || !text.startsWith('-') || text === '-') {
      positionals.push(word);
      continue;
    }
    if (text === '--') { onlyPositionals = true; continue; }
    if (text.startsWith('--')) {
      const eq = text.indexOf('=');
      const name = eq < 0 ? text.slice(2) : text.slice(2, eq);
      let value = eq < 0 ? undefined : text.slice(eq + 1);
      if (value === undefined && longWithValue.has(name) && i + 1 < args.length) value = args[++i].text;
      options.push({ name, long: true, value, word });
      continue;
    }
    for (let k = 1; k < text.length; k++) {
      const letter = text[k];
      if (text[k + 1] === '=') {
        options.push({ name: letter, long: false, value: text.slice(k + 2), word });
        break;
      }
      if (shortWithValue.includes(letter)) {
        let value: string | undefined = text.slice(k + 1);
        if (value === '') value = i + 1 < args.length ? args[++i].text : undefined;
        options.push({ name: letter, long: false, value, word });
        break;
      }
      options.push({ name: letter, long: false, value: undefined, word });
    }
  }
  return new ParsedArgList(options, positionals);
}

export interface CommandVisit {
  command: ShellCommand;
  run: RunAnalysis;
  index: number;
}

interface CommandIndex {
  all: CommandVisit[];
  byName: Map<string, CommandVisit[]>;
  /** `commandsOf` answers per set of names: rules share module-level sets (aptLike, …) and ask every check. */
  byNames: WeakMap<ReadonlySet<string>, readonly CommandVisit[]>;
}

/** Every command of the file in source order, and by program name; built once per model. */
const commandIndex = perModel((model): CommandIndex => {
  const index: CommandIndex = { all: [], byName: new Map(), byNames: new WeakMap() };
  for (const run of dockerfileShell(model).runs) {
    for (let i = 0; i < run.commands.length; i++) {
      const visit = { command: run.commands[i], run, index: i };
      index.all.push(visit);
      const list = index.byName.get(visit.command.name);
      if (list) list.push(visit);
      else index.byName.set(visit.command.name, [visit]);
    }
  }
  return index;
});

/** Every simple command of every RUN (only those named `names` when given), in source order. */
export function commandsOf(model: DockerfileModel, names?: ReadonlySet<string>): readonly CommandVisit[] {
  const index = commandIndex(model);
  if (!names) return index.all;
  let found = index.byNames.get(names);
  if (!found) {
    found = namedCommands(index, names);
    index.byNames.set(names, found);
  }
  return found;
}

const noVisits: readonly CommandVisit[] = [];

/** The commands named one of `names`, in source order (read-only: shared by the rules that ask). */
function namedCommands(index: CommandIndex, names: ReadonlySet<string>): readonly CommandVisit[] {
  if (names.size === 1) return index.byName.get(names.values().next().value as string) ?? noVisits;
  const found: CommandVisit[] = [];
  for (const name of names) found.push(...(index.byName.get(name) ?? noVisits));
  return found.length > 1 ? found.sort((a, b) => a.command.start - b.command.start) : found;
}

export interface Invocation extends CommandVisit {
  parsed: ParsedArgs;
  subcommand: ShellWord | undefined;
  /** Positionals after the subcommand (packages, for package managers). */
  operands: ShellWord[];
}

const noOptionSpec: OptionSpec = {};
/**
 * Several rules read the same command with the same option table (apt-get alone has six rules):
 * parse it once per (command, table) and hand every rule the same read-only Invocation.
 * Commands without a subcommand are remembered as null. Keyed by table first: the few tables
 * each hold one entry per command, instead of a Map per command.
 */
const invocationCache = new WeakMap<OptionSpec, WeakMap<CommandVisit, Invocation | null>>();

function invocationOf(visit: CommandVisit, spec: OptionSpec): Invocation | null {
  let byVisit = invocationCache.get(spec);
  if (!byVisit) invocationCache.set(spec, (byVisit = new WeakMap()));
  let invocation = byVisit.get(visit);
  if (invocation === undefined) {
    const parsed = parseArgs(visit.command.args, spec);
    const subcommand = parsed.positionals[0];
    // Fields written out (no `...visit`): a spread made each invocation a slow dictionary-mode object.
    invocation = subcommand
      ? { command: visit.command, run: visit.run, index: visit.index, parsed, subcommand, operands: parsed.positionals.slice(1) }
      : null;
    byVisit.set(visit, invocation);
  }
  return invocation;
}

/** Commands `program <subcommand> …` where the subcommand is one of `subcommands`. */
export function invocations(model: DockerfileModel, programs: ReadonlySet<string>, subcommands: ReadonlySet<string>, spec: OptionSpec = noOptionSpec): Invocation[] {
  const found: Invocation[] = [];
  for (const visit of commandsOf(model, programs)) {
    const invocation = invocationOf(visit, spec);
    if (invocation && subcommands.has(invocation.subcommand!.text)) found.push(invocation);
  }
  return found;
}

export function rangeOf(model: DockerfileModel, from: { start: number }, to: { end: number } = from as unknown as { end: number }): Range {
  return wordRange(model, { start: from.start, end: to.end });
}

/** The program and subcommand (`apt-get install`) as one range, where findings about a call point. */
export function callRange(model: DockerfileModel, invocation: { command: ShellCommand; subcommand?: ShellWord }): Range {
  const first = invocation.command.program ?? invocation.command.words[0];
  return rangeOf(model, first, invocation.subcommand ?? first);
}

/** Inserting right after a word only works when the word was written in the document as-is. */
export function insertAfter(model: DockerfileModel, word: ShellWord, text: string): TextEdit {
  const position = model.document.positionAt(word.end);
  return { range: { start: position, end: position }, newText: text };
}

/** Words whose text maps 1:1 onto the document can be edited in place. */
export function writtenPlainly(model: DockerfileModel, word: ShellWord): boolean {
  return !word.quoted && model.document.getText().slice(word.start, word.end) === word.text;
}

export function replaceWord(model: DockerfileModel, word: ShellWord, text: string): TextEdit {
  return { range: wordRange(model, word), newText: text };
}

/** Lists up to five names for a message, then "…". */
export function listNames(words: readonly ShellWord[]): string {
  const names = words.slice(0, 5).map((w) => w.text);
  return words.length > 5 ? `${names.join(', ')}, …` : names.join(', ');
}

/** A package operand that we cannot judge: built at build time, a file, a URL. */
export function isOpaqueOperand(word: ShellWord): boolean {
  const text = word.text;
  return word.dynamic || text === '' || text.includes('/') || text.startsWith('.') || /^[a-z]+:\/\//i.test(text) || /\.(deb|rpm|apk|whl|gem|tgz|tar\.gz|zip)$/i.test(text);
}

/** True when a later command of the same RUN (at any nesting level) satisfies `test`. */
export function laterInRun(visit: CommandVisit, test: (command: ShellCommand) => boolean): boolean {
  for (let i = visit.index + 1; i < visit.run.commands.length; i++) if (test(visit.run.commands[i])) return true;
  return false;
}

export function earlierInRun(visit: CommandVisit, test: (command: ShellCommand) => boolean): boolean {
  for (let i = 0; i < visit.index; i++) if (test(visit.run.commands[i])) return true;
  return false;
}

/** `rm` whose operands remove `prefix` or something under it. */
export function removes(command: ShellCommand, prefixes: readonly string[]): boolean {
  if (command.name !== 'rm') return false;
  return command.args.some((word) => prefixes.some((prefix) => word.text === prefix || word.text.startsWith(`${prefix}/`) || word.text.startsWith(`${prefix}*`)));
}

/**
 * The RUN's layer ends up in an image someone pulls: a RUN of the final stage (or of a stage it
 * builds on), and every `ONBUILD RUN` trigger, which runs in the images built from this one.
 */
export function layersShip(run: RunAnalysis): boolean {
  return run.onbuild !== undefined || run.stage.shipped;
}

/** The instruction as written in the file: the ONBUILD line for a trigger, else the RUN itself. */
export function writtenInstruction(run: RunAnalysis): Instruction {
  return run.onbuild ?? run.instruction;
}

/**
 * hadolint reports a rule at most once per RUN instruction, however many calls in it qualify; so
 * do we. The first finding of a RUN stands for all: the fixes of the later ones (same title) are
 * merged into it, so applying it fixes every call of the RUN at once. Call `flush` at the end.
 */
export class OncePerRun {
  private readonly first = new Map<RunAnalysis, Finding>();
  private readonly order: Finding[] = [];

  add(run: RunAnalysis, finding: Finding): void {
    const earlier = this.first.get(run);
    if (!earlier) {
      this.first.set(run, finding);
      this.order.push(finding);
      return;
    }
    const [kept] = earlier.fixes ?? [];
    const [more] = finding.fixes ?? [];
    if (kept && more && kept.title.en === more.title.en) {
      earlier.fixes = [{ ...kept, edits: [...kept.edits, ...more.edits], safe: (kept.safe ?? false) && (more.safe ?? false) }, ...earlier.fixes!.slice(1)];
    }
  }

  flush(report: Report): void {
    for (const finding of this.order) report(finding);
  }
}

/**
 * The unpinned words of each RUN's calls, gathered: the version rules report once per RUN (see
 * OncePerRun), at its first call that leaves something unpinned, naming the words of all its calls.
 */
export class UnpinnedPerRun<T extends { run: RunAnalysis }> {
  private readonly byRun = new Map<RunAnalysis, { first: T; words: ShellWord[] }>();

  add(call: T, words: readonly ShellWord[]): void {
    if (words.length === 0) return;
    const entry = this.byRun.get(call.run);
    if (entry) entry.words.push(...words);
    else this.byRun.set(call.run, { first: call, words: [...words] });
  }

  entries(): Iterable<{ first: T; words: ShellWord[] }> {
    return this.byRun.values();
  }
}

/** Runs `each` over the items and reports at most one finding per RUN (see OncePerRun). */
export function reportOncePerRun<T extends { run: RunAnalysis }>(items: Iterable<T>, report: Report, each: (item: T, found: (finding: Finding) => void) => void): void {
  const once = new OncePerRun();
  // One callback for every item (in place of a closure per item and rule): `each` reports synchronously.
  let current: RunAnalysis | undefined;
  const found = (finding: Finding) => once.add(current!, finding);
  for (const item of items) {
    current = item.run;
    each(item, found);
  }
  once.flush(report);
}

/** A cache or tmpfs mount covers `path`, so files written there never reach the layer. */
export function mountCovers(run: RunAnalysis, path: string): boolean {
  return run.mounts.some((mount) => (mount.type === 'cache' || mount.type === 'tmpfs') && mount.target !== undefined
    && (path === trimSlash(mount.target) || path.startsWith(`${trimSlash(mount.target)}/`)));
}

export function trimSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/**
 * The ENV in effect for a RUN, as name → value: the ENV instructions of its stage (and the stages it
 * builds on) before it. An ONBUILD trigger runs in a later build, with every ENV of its stage.
 */
export function envBefore(model: DockerfileModel, run: RunAnalysis): Map<string, string> {
  const shell = dockerfileShell(model);
  const env = new Map<string, string>();
  const chain: StageInfo[] = [];
  for (let stage: StageInfo | undefined = run.stage; stage; stage = stage.base !== undefined && stage.base < stage.index ? shell.stages[stage.base] : undefined) chain.unshift(stage);
  const line = run.onbuild ? Infinity : run.instruction.getRange().start.line;
  for (const stage of chain) {
    for (const candidate of stage.instructions) {
      if (candidate.getRange().start.line >= line) break;
      if (candidate.getKeyword() !== 'ENV') continue;
      for (const property of (candidate as unknown as { getProperties(): { getName(): string; getValue(): string | null }[] }).getProperties()) {
        env.set(property.getName(), property.getValue() ?? '');
      }
    }
  }
  return env;
}

/**
 * The value of an environment variable for a command: its own `NAME=value` prefix, else the last
 * `export NAME=value` earlier in the same RUN, else the stage's ENV.
 */
export function envValue(visit: CommandVisit, env: Map<string, string>, name: string): string | undefined {
  const prefix = `${name}=`;
  const inline = visit.command.assignments.find((a) => a.text.startsWith(prefix));
  if (inline) return inline.text.slice(prefix.length);
  for (let i = visit.index - 1; i >= 0; i--) {
    const command = visit.run.commands[i];
    if (command.name !== 'export') continue;
    const exported = command.args.find((a) => a.text.startsWith(prefix));
    if (exported) return exported.text.slice(prefix.length);
  }
  return env.get(name);
}

export type Report = (finding: Finding) => void;
export type Subject = DockerfileRuleSubject;

export function message(en: string, zh: string): Localized {
  return { en, zh };
}

/** The stage and the stages it builds on, nearest first. */
export function stageChain(model: DockerfileModel, stage: StageInfo): StageInfo[] {
  const stages = dockerfileShell(model).stages;
  const chain: StageInfo[] = [];
  for (let s: StageInfo | undefined = stage; s; s = s.base !== undefined && s.base < s.index ? stages[s.base] : undefined) chain.push(s);
  return chain;
}

const busyboxCache = new WeakMap<StageInfo, boolean>();

/** Alpine or BusyBox based: tools such as wget are BusyBox applets with fewer options. */
export function looksBusybox(model: DockerfileModel, stage: StageInfo): boolean {
  let answer = busyboxCache.get(stage);
  if (answer === undefined) {
    answer = computeLooksBusybox(model, stage);
    busyboxCache.set(stage, answer);
  }
  return answer;
}

function computeLooksBusybox(model: DockerfileModel, stage: StageInfo): boolean {
  const chain = stageChain(model, stage);
  const root = chain[chain.length - 1];
  if (/alpine|busybox/i.test(root.image)) return true;
  const shell = dockerfileShell(model);
  return chain.some((s) => s.instructions.some((i) => shell.runOf(i)?.commands.some((c) => c.name === 'apk')));
}
