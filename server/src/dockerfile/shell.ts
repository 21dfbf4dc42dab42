import { Onbuild, type Argument, type Instruction } from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver-types';
import { baseName } from '../common/paths';
import { instructionIndexer } from './instructionIndex';
import type { DockerfileModel } from './model';
import { parseExecForm } from './execForm';
import { parseMounts, type RunMount } from './runMounts';
import { argumentSource } from './runSource';
import type { ShellWord } from './shellLexer';
import { analyzeExecForm, analyzeScript, type ScriptAnalysis, type ShellCommand, type ShellPipe } from './shellSyntax';
import { perModel } from './perModel';
import { keywordsOf } from './semantic';

/**
 * What the rules know about the shell side of a Dockerfile: every RUN split into commands (with
 * document ranges), the SHELL in effect, mounts, and the build stages. Computed once per model and
 * shared by all rules. Nothing here runs a shell; it only reads text.
 */

export type { ShellWord } from './shellLexer';
export type { RunMount } from './runMounts';
export type { ShellCommand, ShellPipe } from './shellSyntax';

export interface RunAnalysis {
  /** The RUN instruction; for an `ONBUILD RUN` trigger, the trigger (its range starts at `RUN`). */
  instruction: Instruction;
  /**
   * The `ONBUILD` instruction when this RUN is its trigger: the command runs later, in every build
   * that starts `FROM` this image, so its layers ship with that image whatever stage records it.
   */
  onbuild: Instruction | undefined;
  stage: StageInfo;
  form: 'shell' | 'exec';
  /** True when the RUN carries here-documents. */
  heredoc: boolean;
  /** Every simple command, nested `sh -c` scripts included, in source order. */
  commands: ShellCommand[];
  pipes: ShellPipe[];
  mounts: RunMount[];
  /** The SHELL in effect for a shell-form RUN. */
  shell: string[];
  /** False when SHELL is PowerShell or cmd: shell-form commands are then not analysed. */
  posix: boolean;
  /** Document offset where the command text starts (after flags). */
  commandStart: number;
  commandEnd: number;
}

export interface StageInfo {
  index: number;
  from: Instruction;
  /** Lower-cased `AS` name. */
  name: string | undefined;
  /** The image reference as written after FROM's flags. */
  image: string;
  /** Index of an earlier stage this one builds on (`FROM builder`). */
  base: number | undefined;
  instructions: Instruction[];
  /** Its layers end up in the final image: the last stage or an ancestor of it. */
  shipped: boolean;
  shellAtEnd: string[];
}

export interface DockerfileShell {
  stages: StageInfo[];
  /**
   * The instructions before the first FROM (fragments, ONBUILD-heavy base files), analysed as a
   * stage of their own with index -1; not in `stages`, since no FROM starts it and no `--from` names it.
   */
  preamble: StageInfo | undefined;
  /** Every RUN and every `ONBUILD RUN` trigger, in file order. */
  runs: RunAnalysis[];
  /** The analysis of a RUN instruction (not of an ONBUILD: its trigger runs in another build). */
  runOf(instruction: Instruction): RunAnalysis | undefined;
  stageOf(instruction: Instruction): StageInfo | undefined;
}

export const defaultShell = ['/bin/sh', '-c'];
/** Windows images run shell-form instructions with cmd unless SHELL says otherwise. */
const windowsShell = ['cmd', '/S', '/C'];
const windowsImage = /(?:^|\/)windows\/|nanoserver|servercore|windowsservercore/i;

/** A Windows base image (`mcr.microsoft.com/windows/…`, `…/servercore`, `…/nanoserver`). */
export function isWindowsImage(image: string): boolean {
  return windowsImage.test(image);
}
const cached = perModel((model): DockerfileShell => analyze(model));

export function dockerfileShell(model: DockerfileModel): DockerfileShell {
  return cached(model);
}

export function wordRange(model: DockerfileModel, word: { start: number; end: number }): Range {
  return { start: model.document.positionAt(word.start), end: model.document.positionAt(word.end) };
}

function analyze(model: DockerfileModel): DockerfileShell {
  const text = model.document.getText();
  const escape = model.ast.getEscapeCharacter();
  const stages: StageInfo[] = [];
  const runs: RunAnalysis[] = [];
  const instructions = model.ast.getInstructions();
  // Per-instruction answers in arrays by position (see instructionIndexer), not Maps keyed by instruction.
  const runAt: (RunAnalysis | undefined)[] = new Array(instructions.length);
  const stageAt: (StageInfo | undefined)[] = new Array(instructions.length);
  let stage: StageInfo | undefined;
  let preamble: StageInfo | undefined;
  let shell = defaultShell;
  for (let index = 0; index < instructions.length; index++) {
    const instruction = instructions[index];
    const keyword = instruction.getKeyword();
    if (keyword === 'FROM') {
      stage = startStage(instruction, stages);
      shell = stage.base !== undefined ? stages[stage.base].shellAtEnd : windowsImage.test(stage.image) ? windowsShell : defaultShell;
      stage.shellAtEnd = shell;
    } else if (!stage) {
      stage = preamble = { index: -1, from: instruction, name: undefined, image: '', base: undefined, instructions: [], shipped: true, shellAtEnd: defaultShell };
    }
    stage.instructions.push(instruction);
    stageAt[index] = stage;
    if (keyword === 'SHELL') {
      const words = parseExecForm(argumentSource(text, instruction, escape, model).src);
      if (words && words.length > 0) shell = words.map((w) => w.text);
      stage.shellAtEnd = shell;
    } else if (keyword === 'RUN') {
      const run = analyzeRun(text, instruction, escape, model, stage, shell, undefined);
      runs.push(run);
      runAt[index] = run;
    } else if (keyword === 'ONBUILD') {
      // The trigger's commands are checked like any RUN's, with the SHELL in effect here (which the
      // downstream build inherits); runOf stays empty for the ONBUILD line, which runs nothing now.
      const trigger = onbuildRun(instruction);
      if (trigger) runs.push(analyzeRun(text, trigger, escape, model, stage, shell, instruction));
    }
  }
  markShipped(stages);
  const indexOf = instructionIndexer(instructions);
  return {
    stages,
    preamble,
    runs,
    runOf: (instruction) => runAt[indexOf(instruction)],
    stageOf: (instruction) => stageAt[indexOf(instruction)],
  };
}

/** A stage as `analyze` delimits it, without reading its instructions: what a question about the final stage needs. */
export interface StageOutline {
  /** Position of its FROM among the file's instructions. */
  fromIndex: number;
  image: string;
  /** Index of the stage it builds on (StageInfo.base). */
  base: number | undefined;
}

/**
 * The stages with their images and bases exactly as `dockerfileShell` finds them, read from the
 * FROM lines alone: the checks about the final image (its user, whether it is Windows) run at every
 * check of the whole file, and the full analysis walks every instruction.
 */
export const stageOutlines = perModel((model): StageOutline[] => {
  const instructions = model.ast.getInstructions();
  const outlines: StageOutline[] = [];
  // Lower-cased name → the first stage so named: a lookup per FROM, not a walk of the earlier stages.
  const firstNamed = new Map<string, number>();
  const keywords = keywordsOf(model);
  for (let index = 0; index < instructions.length; index++) {
    if (keywords[index] !== 'FROM') continue;
    const args = instructions[index].getArguments();
    const image = args.length > 0 ? args[0].getValue() : '';
    // The first earlier stage of that name, as startStage finds it (unnamed stages never match).
    const base = firstNamed.get(image.toLowerCase());
    const name = stageName(args);
    if (name !== undefined && !firstNamed.has(name)) firstNamed.set(name, outlines.length);
    outlines.push({ fromIndex: index, image, base });
  }
  return outlines;
});

/** The final stage and the stages it builds on, back to the first (outline indexes, last stage first). */
export function finalStageChain(outlines: readonly StageOutline[]): number[] {
  const chain: number[] = [];
  for (let s: number | undefined = outlines.length - 1; s !== undefined && s >= 0; s = outlines[s].base !== undefined && outlines[s].base! < s ? outlines[s].base : undefined) chain.push(s);
  return chain;
}

function startStage(from: Instruction, stages: StageInfo[]): StageInfo {
  const args = from.getArguments();
  const image = args.length > 0 ? args[0].getValue() : '';
  const name = stageName(args);
  const lowerImage = image.toLowerCase();
  let base: number | undefined;
  for (let k = 0; k < stages.length && base === undefined; k++) if (stages[k].name !== undefined && stages[k].name === lowerImage) base = k;
  const stage: StageInfo = { index: stages.length, from, name, image, base, instructions: [], shipped: false, shellAtEnd: defaultShell };
  stages.push(stage);
  return stage;
}

/** The lower-cased word after the first `AS` (any case) among FROM's arguments, if there is one. */
function stageName(args: readonly Argument[]): string | undefined {
  for (let k = 0; k < args.length; k++) {
    if (args[k].getValue().toLowerCase() !== 'as') continue;
    const next = args[k + 1]?.getValue();
    return next ? next.toLowerCase() : undefined;
  }
  return undefined;
}

function markShipped(stages: StageInfo[]): void {
  let current: StageInfo | undefined = stages[stages.length - 1];
  // Each step moves to a strictly earlier stage, so the walk ends.
  while (current && !current.shipped) {
    current.shipped = true;
    current = current.base !== undefined && current.base < current.index ? stages[current.base] : undefined;
  }
}

/** True when the shell is PowerShell or cmd, whose syntax we do not analyse. */
export function isPosixShell(shell: string[]): boolean {
  const program = baseName(shell[0] ?? '').toLowerCase().replace(/\.exe$/, '');
  return !['powershell', 'pwsh', 'cmd'].includes(program);
}

/** The RUN an `ONBUILD RUN …` records, parsed as an instruction of its own; undefined for other triggers. */
function onbuildRun(instruction: Instruction): Instruction | undefined {
  if (!(instruction instanceof Onbuild) || instruction.getTrigger() !== 'RUN') return undefined;
  try {
    return instruction.getTriggerInstruction() ?? undefined;
  } catch {
    return undefined;
  }
}

function analyzeRun(text: string, instruction: Instruction, escape: string, model: DockerfileModel, stage: StageInfo, shell: string[], onbuild: Instruction | undefined): RunAnalysis {
  return new LazyRun(text, instruction, escape, model, stage, shell, onbuild);
}

/** What reading a RUN's command line gives, made on first use (see LazyRun). */
interface RunReading {
  form: 'shell' | 'exec';
  heredoc: boolean;
  commands: ShellCommand[];
  pipes: ShellPipe[];
  mounts: RunMount[];
  posix: boolean;
  commandStart: number;
  commandEnd: number;
}

/**
 * A RUN read when a rule first asks: a check that needs only the stages (the final user, the stage
 * chain) no longer splits every RUN of a large file into commands. A class with getters keeps one
 * object shape for all RUNs, which rules read constantly.
 */
class LazyRun implements RunAnalysis {
  private reading: RunReading | undefined;

  constructor(
    private readonly text: string,
    readonly instruction: Instruction,
    private readonly escape: string,
    private readonly model: DockerfileModel,
    readonly stage: StageInfo,
    readonly shell: string[],
    readonly onbuild: Instruction | undefined,
  ) {}

  private read(): RunReading {
    return (this.reading ??= readRun(this.text, this.instruction, this.escape, this.model, this.shell));
  }

  get form() { return this.read().form; }
  get heredoc() { return this.read().heredoc; }
  get commands() { return this.read().commands; }
  get pipes() { return this.read().pipes; }
  get mounts() { return this.read().mounts; }
  get posix() { return this.read().posix; }
  get commandStart() { return this.read().commandStart; }
  get commandEnd() { return this.read().commandEnd; }
}

function readRun(text: string, instruction: Instruction, escape: string, model: DockerfileModel, shell: string[]): RunReading {
  const { src, flags } = argumentSource(text, instruction, escape, model);
  const mounts = parseMounts(flags);
  const start = src.offsets.at(0);
  const end = src.offsets.at(src.offsets.length - 1);
  const execWords = parseExecForm(src);
  if (execWords) {
    const result = analyzeExecForm(execWords, start, end);
    return { form: 'exec', heredoc: false, commands: result.commands, pipes: result.pipes, mounts, posix: true, commandStart: start, commandEnd: end };
  }
  const { posix, pipefail } = traitsOf(shell);
  const result: ScriptAnalysis = posix ? analyzeScript(src, { depth: 0, pipefail }) : { commands: [], pipes: [] };
  // Here-documents of the RUN itself are the ones its own command line opens.
  const heredoc = posix ? result.commands.some((c) => c.depth === 0 && c.heredocs.length > 0) : /<<-?\s*["']?[A-Za-z_]/.test(src.text);
  return { form: 'shell', heredoc, commands: result.commands, pipes: result.pipes, mounts, posix, commandStart: start, commandEnd: end };
}

/** The same few SHELL arrays serve every RUN of a stage: read each one once. */
const shellTraits = new WeakMap<string[], { posix: boolean; pipefail: boolean }>();

function traitsOf(shell: string[]): { posix: boolean; pipefail: boolean } {
  let traits = shellTraits.get(shell);
  if (!traits) {
    traits = { posix: isPosixShell(shell), pipefail: shellHasPipefail(shell) };
    shellTraits.set(shell, traits);
  }
  return traits;
}

export function shellHasPipefail(shell: string[]): boolean {
  return shell.some((word, i) => /^-[a-zA-Z]*o$/.test(word) && shell[i + 1] === 'pipefail');
}

/** The instruction's arguments as JSON words when written in exec form (`["a", "b"]`). */
export function execFormWords(model: DockerfileModel, instruction: Instruction): ShellWord[] | undefined {
  return parseExecForm(argumentSource(model.document.getText(), instruction, model.ast.getEscapeCharacter(), model).src);
}

/** The preamble (instructions before the first FROM), when there is one, then every stage. */
export function stagesWithPreamble(shell: DockerfileShell): StageInfo[] {
  return shell.preamble ? [shell.preamble, ...shell.stages] : shell.stages;
}
