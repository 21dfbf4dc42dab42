import { tokenize, type HeredocToken, type ShellWord, type Source, type Token } from './shellLexer';
import { arrayOffsets } from './sourceOffsets';

/**
 * Turns shell tokens into simple commands: pipelines, lists, subshells, compound commands
 * (if/for/while/case are walked into, not interpreted), environment assignments, wrappers
 * (`sudo`, `env`, `xargs`, …) and nested `sh -c '…'` scripts and shell here-documents.
 */

export interface ShellCommand {
  /** Program name without its directory (`/usr/bin/apt-get` → `apt-get`); '' for assignment-only commands. */
  name: string;
  program: ShellWord | undefined;
  /** Words after the program, redirections left out. */
  args: ShellWord[];
  /** `NAME=value` words in front of the program (also those given to `env`). */
  assignments: ShellWord[];
  /** Wrapper programs in front of the real one, e.g. ['sudo'] or ['xargs']. */
  wrappers: string[];
  /** Every word of the command as written, redirection targets excluded. */
  words: ShellWord[];
  /** The operator that joined this command to the previous one ('&&', '||', ';', '|', '\n', …). */
  separator: string | undefined;
  /** All commands of the pipeline this command belongs to (just this one when there is no pipe). */
  pipeline: ShellCommand[];
  /** Inside a subshell, brace group or if/for/while/case body. */
  inBlock: boolean;
  /** 0 for the RUN script itself, +1 for each `sh -c` or shell here-document level. */
  depth: number;
  /** `pipefail` was on when this command ran. */
  pipefail: boolean;
  /** Here-documents attached to this command. */
  heredocs: HeredocToken[];
  start: number;
  end: number;
}

export interface ShellPipe {
  start: number;
  end: number;
  pipefail: boolean;
  /** The simple command writing into the pipe; undefined when it is a group or subshell. */
  left: ShellCommand | undefined;
}

export interface ScriptAnalysis {
  commands: ShellCommand[];
  pipes: ShellPipe[];
}

export interface ScriptOptions {
  depth: number;
  pipefail: boolean;
}

const posixShells = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'yash']);
const maxNesting = 4;

export function isPosixShellName(name: string): boolean {
  return posixShells.has(name);
}

/** Parses a script; nested scripts' commands follow their host command in the flat list. */
export function analyzeScript(src: Source, options: ScriptOptions, out: ScriptAnalysis = { commands: [], pipes: [] }): ScriptAnalysis {
  const tokens = tokenize(src);
  new ScriptParser(tokens, options, out).run();
  return out;
}

/**
 * Shared empty lists: most commands have no here-documents, assignments or wrappers, and an array
 * per command for each adds up over a large file. Nothing appends to a finished command's lists.
 */
const noHeredocs: HeredocToken[] = [];
const noWords: ShellWord[] = [];
const noNames: string[] = [];

const openers = new Set(['if', 'while', 'until', 'for', 'select', '{']);
const closers = new Set(['fi', 'done', '}']);
const prefixes = new Set(['then', 'else', 'elif', 'do', '!', 'time']);

class ScriptParser {
  private pipefail: boolean;
  private blockDepth = 0;
  private parenDepth = 0;
  /** Stack of `case` states: whether we are reading a pattern (until `)`) or commands. */
  private caseStack: ('word' | 'pattern' | 'body')[] = [];
  /**
   * The words of the command being read: `wordCount` entries of a buffer reused for every command,
   * copied at their final size when the command ends (a growing array per command cost more).
   */
  private readonly pending: ShellWord[] = [];
  private wordCount = 0;
  /** `noHeredocs` until a command meets one (most never do). */
  private heredocs: HeredocToken[] = noHeredocs;
  private commandStart = -1;
  private commandEnd = -1;
  private separator: string | undefined;
  private pipeline: ShellCommand[] = [];
  private skipNextWord = false;
  private readonly place: CommandPlace = { separator: undefined, pipeline: [], inBlock: false, depth: 0, pipefail: false, heredocs: noHeredocs, start: -1, end: -1 };

  constructor(private readonly tokens: Token[], private readonly options: ScriptOptions, private readonly out: ScriptAnalysis) {
    this.pipefail = options.pipefail;
  }

  run(): void {
    const tokens = this.tokens;
    for (let k = 0; k < tokens.length; k++) {
      const token = tokens[k];
      if (token.kind === 'word') this.onWord(token.word);
      else if (token.kind === 'heredoc') {
        if (this.heredocs === noHeredocs) this.heredocs = [];
        this.heredocs.push(token);
        this.touch(token.start, token.end);
      } else if (token.kind === 'redirect') {
        this.skipNextWord = true;
        this.touch(token.start, token.end);
      } else this.onOperator(token.op, token.start, token.end);
    }
    this.finishCommand();
    this.finishPipeline();
  }

  private touch(start: number, end: number): void {
    if (this.commandStart < 0) this.commandStart = start;
    this.commandEnd = end;
  }

  /**
   * The innermost `case` state. Reading `caseStack[-1]` of an empty stack is a slow named-property
   * lookup in V8, and this runs for every token: check the length first.
   */
  private caseTop(): 'word' | 'pattern' | 'body' | undefined {
    const depth = this.caseStack.length;
    return depth > 0 ? this.caseStack[depth - 1] : undefined;
  }

  private onWord(word: ShellWord): void {
    if (this.skipNextWord) {
      this.skipNextWord = false;
      this.touch(word.start, word.end);
      return;
    }
    const top = this.caseTop();
    if (top === 'word') {
      if (word.text === 'in' && !word.quoted) this.caseStack[this.caseStack.length - 1] = 'pattern';
      return;
    }
    if (top === 'pattern') {
      if (word.text === 'esac' && !word.quoted) { this.caseStack.pop(); this.blockDepth--; }
      return;
    }
    if (this.wordCount === 0 && !word.quoted && this.heredocs.length === 0) {
      if (word.text === 'case') { this.caseStack.push('word'); this.blockDepth++; return; }
      if (word.text === 'esac' && top === 'body') { this.caseStack.pop(); this.blockDepth--; return; }
      if (closers.has(word.text)) { this.blockDepth = Math.max(0, this.blockDepth - 1); return; }
      if (openers.has(word.text)) {
        this.blockDepth++;
        if (word.text === 'for' || word.text === 'select') {
          // `for NAME in words` is not a command; its words end at the next separator.
          this.pending[this.wordCount++] = word;
          this.touch(word.start, word.end);
        }
        return;
      }
      if (prefixes.has(word.text)) return;
    }
    this.pending[this.wordCount++] = word;
    this.touch(word.start, word.end);
  }

  private onOperator(op: string, start: number, end: number): void {
    const top = this.caseTop();
    if (top === 'pattern') {
      if (op === ')') this.caseStack[this.caseStack.length - 1] = 'body';
      return;
    }
    if (op === '|' || op === '|&') {
      const before = this.out.commands.length;
      this.finishCommand();
      const left = this.out.commands.length > before ? this.pipeline[this.pipeline.length - 1] : undefined;
      this.out.pipes.push({ start, end, pipefail: this.pipefail, left });
      this.separator = op;
      return;
    }
    if (op === '(') {
      this.finishCommand();
      this.finishPipeline();
      this.parenDepth++;
      this.separator = op;
      return;
    }
    this.finishCommand();
    this.finishPipeline();
    if (op === ')') this.parenDepth = Math.max(0, this.parenDepth - 1);
    if ((op === ';;' || op === ';&' || op === ';;&') && top === 'body') this.caseStack[this.caseStack.length - 1] = 'pattern';
    this.separator = op;
  }

  private finishPipeline(): void {
    // An empty pipeline was never handed to a command, so it can serve the next one.
    if (this.pipeline.length > 0) this.pipeline = [];
  }

  /** The pending words as an array of their own (shared empty list when there are none). */
  private takeWords(): ShellWord[] {
    const count = this.wordCount;
    this.wordCount = 0;
    if (count === 0) return noWords;
    return this.pending.slice(0, count);
  }

  private finishCommand(): void {
    if (this.wordCount === 0 && this.heredocs.length === 0) return;
    // classify copies the place into the command, so one record per parser serves every command.
    const place = this.place;
    place.separator = this.separator;
    place.pipeline = this.pipeline;
    place.inBlock = this.blockDepth > 0 || this.parenDepth > 0;
    place.depth = this.options.depth;
    place.pipefail = this.pipefail;
    place.heredocs = this.heredocs;
    place.start = this.commandStart;
    place.end = this.commandEnd;
    const command = classify(this.takeWords(), place);
    this.heredocs = noHeredocs;
    this.commandStart = -1;
    this.skipNextWord = false;
    if (command.words[0]?.text === 'for' || command.words[0]?.text === 'select') return;
    this.pipeline.push(command);
    this.out.commands.push(command);
    if (command.name === 'set' && !command.inBlock) this.pipefail = pipefailAfterSet(command.args, this.pipefail);
    nestScripts(command, this.options.depth, this.pipefail, this.out);
  }
}

/** Parses `sh -c 'script'` strings and shell here-documents as scripts of their own. */
function nestScripts(command: ShellCommand, depth: number, pipefail: boolean, out: ScriptAnalysis): void {
  if (depth >= maxNesting) return;
  if (command.program === undefined) {
    // `RUN <<EOF` (or a bare `<<EOF` line): the body is the script itself.
    for (const heredoc of command.heredocs) {
      if (heredoc.body && runsAsShell(heredoc.body.text)) analyzeScript(heredoc.body, { depth, pipefail }, out);
    }
    return;
  }
  if (!posixShells.has(command.name)) return;
  const shell = readShellInvocation(command.args);
  const inner: ScriptOptions = { depth: depth + 1, pipefail: shell.pipefail };
  if (shell.script) {
    const word = shell.script;
    analyzeScript({ text: word.text, offsets: arrayOffsets(word.offsets) }, inner, out);
  } else if (!shell.hasFile) {
    for (const heredoc of command.heredocs) {
      if (heredoc.body) analyzeScript(heredoc.body, inner, out);
    }
  }
}

/** An exec-form command (`RUN ["sh", "-c", "…"]`): one command, no shell unless it starts one. */
export function analyzeExecForm(words: ShellWord[], start: number, end: number, out: ScriptAnalysis = { commands: [], pipes: [] }): ScriptAnalysis {
  const pipeline: ShellCommand[] = [];
  const command = classify(words, { separator: undefined, pipeline, inBlock: false, depth: 0, pipefail: false, heredocs: noHeredocs, start, end });
  pipeline.push(command);
  out.commands.push(command);
  nestScripts(command, 0, false, out);
  return out;
}

function runsAsShell(body: string): boolean {
  const shebang = /^#!\s*(\S+)(?:[ \t]+(\S+))?/.exec(body);
  if (!shebang) return true;
  const program = basename(shebang[1]);
  return posixShells.has(program === 'env' && shebang[2] ? basename(shebang[2]) : program);
}

/** What `sh -e -o pipefail -c 'script'` asks for: the script word, pipefail, a script file. */
export function readShellInvocation(args: ShellWord[]): { script?: ShellWord; pipefail: boolean; hasFile: boolean } {
  let wantsScript = false;
  let pipefail = false;
  for (let i = 0; i < args.length; i++) {
    const text = args[i].text;
    if (text === '-o' || text === '+o' || /^-[a-z]*o$/.test(text)) {
      if (args[i + 1]?.text === 'pipefail' && text.startsWith('-')) pipefail = true;
      if (/^-[a-z]*c[a-z]*o$/.test(text)) wantsScript = true;
      i++;
      continue;
    }
    if (/^-[a-zA-Z]+$/.test(text)) {
      if (text.includes('c')) wantsScript = true;
      continue;
    }
    if (text.startsWith('--') || text.startsWith('+')) continue;
    if (wantsScript) return { script: args[i], pipefail, hasFile: false };
    return { pipefail, hasFile: text !== '-' };
  }
  return { pipefail, hasFile: false };
}

function pipefailAfterSet(args: ShellWord[], current: boolean): boolean {
  let state = current;
  for (let i = 0; i < args.length; i++) {
    const text = args[i].text;
    if (/^[-+][a-zA-Z]*o$/.test(text) && args[i + 1]?.text === 'pipefail') state = text.startsWith('-');
  }
  return state;
}

export function basename(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? path : path.slice(slash + 1);
}

const assignmentPattern = /^[A-Za-z_][A-Za-z0-9_]*(?:\[[^\]]*\])?\+?=/;

export function isAssignment(word: ShellWord): boolean {
  // Nearly every word has no `=` at all: answer those without running the regex (and its match array).
  if (word.text.indexOf('=') <= 0) return false;
  const match = assignmentPattern.exec(word.text);
  return match !== null && match[0].length <= word.plainPrefix;
}

interface WrapperSpec {
  /** Options that take the next word as their value. */
  withValue: Set<string>;
  /** Positional words the wrapper consumes before the wrapped program (e.g. gosu's user). */
  positional: number;
  /** `env`-style: NAME=value words are assignments. */
  assignments?: boolean;
}

const wrapper = (withValue: string[], positional = 0, assignments = false): WrapperSpec => ({ withValue: new Set(withValue), positional, assignments });

/** Programs that run another program given as their arguments. */
const wrappers: Record<string, WrapperSpec> = {
  sudo: wrapper(['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U', '-T', '--user', '--group', '--chdir', '--prompt', '--role', '--type', '--other-user', '--host', '--close-from', '--command-timeout']),
  env: wrapper(['-u', '-C', '-S', '--unset', '--chdir', '--split-string'], 0, true),
  xargs: wrapper(['-a', '-d', '-E', '-e', '-I', '-i', '-L', '-l', '-n', '-P', '-s', '--arg-file', '--delimiter', '--max-args', '--max-lines', '--max-procs', '--max-chars', '--process-slot-var']),
  nohup: wrapper([]),
  exec: wrapper(['-a']),
  command: wrapper([]),
  builtin: wrapper([]),
  nice: wrapper(['-n', '--adjustment']),
  ionice: wrapper(['-c', '-n', '-p', '-t']),
  stdbuf: wrapper(['-i', '-o', '-e']),
  timeout: wrapper(['-k', '-s', '--kill-after', '--signal'], 1),
  chronic: wrapper([]),
  eatmydata: wrapper([]),
  fakeroot: wrapper(['-l', '-s', '-i', '-b']),
  gosu: wrapper([], 1),
  'su-exec': wrapper([], 1),
  chroot: wrapper(['--userspec', '--groups'], 1),
  time: wrapper(['-f', '-o', '--format', '--output']),
};

/** Where a command stands in its script; the rest of ShellCommand comes from its words. */
type CommandPlace = Pick<ShellCommand, 'separator' | 'pipeline' | 'inBlock' | 'depth' | 'pipefail' | 'heredocs' | 'start' | 'end'>;

/** Splits a simple command's words into assignments, wrappers, program and arguments. */
export function classify(words: ShellWord[], place: CommandPlace): ShellCommand {
  let assignments = noWords;
  let wrapperNames = noNames;
  let i = 0;
  while (i < words.length && isAssignment(words[i])) {
    if (assignments === noWords) assignments = [];
    assignments.push(words[i++]);
  }
  // Each wrapper consumes at least its own name, so this loop is bounded by the word count.
  while (i < words.length) {
    const name = basename(words[i].text);
    const spec = words[i].dynamic ? undefined : wrappers[name];
    if (!spec) break;
    if (wrapperNames === noNames) wrapperNames = [];
    wrapperNames.push(name);
    i++;
    let positional = spec.positional;
    while (i < words.length) {
      const text = words[i].text;
      if (text === '--') { i++; break; }
      if (spec.assignments && isAssignment(words[i])) {
        if (assignments === noWords) assignments = [];
        assignments.push(words[i++]);
        continue;
      }
      if (text.startsWith('-') && text.length > 1) {
        const key = text.includes('=') ? text.slice(0, text.indexOf('=')) : text;
        i += spec.withValue.has(key) && !text.includes('=') ? 2 : 1;
        continue;
      }
      if (positional > 0) { positional--; i++; continue; }
      break;
    }
  }
  const program = words[i];
  // Fields spelled out rather than `...place`: a spread here made every command a slow dictionary-mode object.
  return {
    name: program ? basename(program.text) : '', program, args: words.slice(i + 1), assignments, wrappers: wrapperNames, words,
    separator: place.separator, pipeline: place.pipeline, inBlock: place.inBlock, depth: place.depth, pipefail: place.pipefail,
    heredocs: place.heredocs, start: place.start, end: place.end,
  };
}
