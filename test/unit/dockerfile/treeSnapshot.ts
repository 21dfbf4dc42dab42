import assert from 'node:assert/strict';
import { DockerfileParser, type Dockerfile } from 'dockerfile-ast';
import { forgetParsedTrees, incrementalParseTuning, parseDockerfileText } from '../../../server/src/dockerfile/incrementalParse';

/**
 * What a Dockerfile syntax tree answers, as plain data: the differential tests of the incremental
 * parse (incrementalParse*.test.ts) compare a tree built from the previous version's with a full
 * parse of the same text through it.
 */

/** A method's answer, or what it threw (the library throws on some broken input, the same way either tree). */
function attempt(answer: () => unknown): unknown {
  try {
    return answer();
  } catch (error) {
    return { threw: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Everything a tree answers, as plain data. `resolving` adds what resolves names through the whole
 * tree (variables, expanded arguments, working directories): slow on big files, so the bench's
 * 5,000-line file leaves it to the corpus files.
 */
export function snapshot(ast: Dockerfile, resolving = true): unknown {
  const argumentsOf = (args: readonly { getValue(): string; getRange(): unknown }[]) => args.map((arg) => [arg.getValue(), arg.getRange()]);
  const instructions = ast.getInstructions().map((instruction) => {
    const any = instruction as unknown as Record<string, (...args: unknown[]) => unknown>;
    const fields: Record<string, unknown> = {
      kind: instruction.constructor.name,
      keyword: instruction.getKeyword(),
      instruction: instruction.getInstruction(),
      range: instruction.getRange(),
      instructionRange: instruction.getInstructionRange(),
      text: instruction.getTextContent(),
      raw: argumentsOf((instruction as unknown as { getRawArguments(): never[] }).getRawArguments()),
      arguments: argumentsOf(instruction.getArguments()),
      argumentsContent: instruction.getArgumentsContent(),
      argumentsRanges: attempt(() => instruction.getArgumentsRanges()),
      expanded: resolving && attempt(() => argumentsOf(instruction.getExpandedArguments())),
      variables: resolving && attempt(() => instruction.getVariables().map((variable) => ({
        name: variable.getName(), nameRange: variable.getNameRange(), range: variable.getRange(), defined: variable.isDefined(),
        build: variable.isBuildVariable(), modifier: variable.getModifier(), substitution: variable.getSubstitutionParameter(), text: variable.toString(),
      }))),
    };
    if (typeof any.getFlags === 'function') {
      fields.flags = (any.getFlags.call(instruction) as { getName(): string; getValue(): string | null; getRange(): unknown; getNameRange(): unknown; getValueRange(): unknown; getOptions(): { getName(): string; getValue(): string | null; getRange(): unknown }[] }[])
        .map((flag) => [flag.getName(), flag.getValue(), flag.getRange(), flag.getNameRange(), flag.getValueRange(), flag.getOptions().map((option) => [option.getName(), option.getValue(), option.getRange()])]);
    }
    const property = (p: { getName(): string; getValue(): string | null; getRange(): unknown; getNameRange(): unknown; getValueRange(): unknown; getAssignmentOperator(): string | null } | null) =>
      p && [p.getName(), p.getValue(), p.getRange(), p.getNameRange(), p.getValueRange(), p.getAssignmentOperator()];
    if (typeof any.getProperties === 'function') fields.properties = (any.getProperties.call(instruction) as never[]).map(property);
    if (typeof any.getProperty === 'function') fields.property = property(any.getProperty.call(instruction) as never);
    if (typeof any.getJSONStrings === 'function') {
      fields.json = (any.getJSONStrings.call(instruction) as { getValue(): string; getRange(): unknown; getJSONValue(): string; getJSONRange(): unknown }[])
        .map((json) => [json.getValue(), json.getRange(), json.getJSONValue(), json.getJSONRange()]);
      const bracket = (arg: { getValue(): string; getRange(): unknown } | null) => arg && [arg.getValue(), arg.getRange()];
      fields.brackets = [bracket(any.getOpeningBracket.call(instruction) as never), bracket(any.getClosingBracket.call(instruction) as never)];
    }
    if (typeof any.getHeredocs === 'function') {
      fields.heredocs = attempt(() => (any.getHeredocs.call(instruction) as { getName(): string; getStartRange(): unknown; getNameRange(): unknown; getContentRange(): unknown; getDelimiterRange(): unknown }[])
        .map((heredoc) => [heredoc.getName(), heredoc.getStartRange(), heredoc.getNameRange(), heredoc.getContentRange(), heredoc.getDelimiterRange()]));
    }
    if (typeof any.getTriggerInstruction === 'function') {
      fields.trigger = attempt(() => {
        const trigger = any.getTriggerInstruction.call(instruction) as { getKeyword(): string; getRange(): unknown; getArguments(): never[] } | null;
        return trigger && [trigger.getKeyword(), trigger.getRange(), argumentsOf(trigger.getArguments())];
      });
    }
    if (resolving && typeof any.getAbsolutePath === 'function') fields.absolutePath = attempt(() => any.getAbsolutePath.call(instruction));
    if (typeof any.getBuildStage === 'function') fields.stage = attempt(() => [any.getBuildStage.call(instruction), any.getImageName.call(instruction), any.getImageTag.call(instruction)]);
    return fields;
  });
  const comments = ast.getComments().map((comment) => [comment.getRange(), comment.getContent(), comment.getContentRange()]);
  const directives = ast.getDirectives().map((directive) => [directive.getRange(), directive.getName(), directive.getValue(), directive.getNameRange(), directive.getValueRange()]);
  const image = (template: { getRange(): unknown; getInstructions(): { getRange(): unknown }[]; getComments(): { getRange(): unknown }[] }) =>
    [template.getRange(), template.getInstructions().map((i) => i.getRange()), template.getComments().map((c) => c.getRange())];
  const withStages = ast as unknown as { initialInstructions: never; buildStages: never[] };
  return {
    instructions, comments, directives, escape: ast.getEscapeCharacter(), range: ast.getRange(),
    initial: image(withStages.initialInstructions), stages: withStages.buildStages.map(image),
    initialArgs: ast.getInitialARGs().map((arg) => arg.getRange()),
  };
}

/** Where two snapshots first differ, with some context. */
export function firstDifference(got: string, expected: string): string {
  let at = 0;
  while (at < got.length && got[at] === expected[at]) at++;
  return `at ${at}:\n  got      …${got.slice(Math.max(0, at - 300), at + 200)}\n  expected …${expected.slice(Math.max(0, at - 300), at + 200)}`;
}


/** Runs `run` with the incremental parse tuned (e.g. fewer old texts kept), then puts the tuning back and forgets the trees made meanwhile. */
export function withTuning(tuning: Partial<typeof incrementalParseTuning>, run: () => void): void {
  const saved = { ...incrementalParseTuning };
  Object.assign(incrementalParseTuning, tuning);
  try {
    run();
  } finally {
    Object.assign(incrementalParseTuning, saved);
    forgetParsedTrees();
  }
}

/** One version of a differential session: its tree and that tree's snapshot (for the next step's "unchanged" check). */
export interface ParsedVersion { ast: Dockerfile; snapshot: string }

/**
 * One step of a differential session: `text` parsed as the next version of `uri` (the incremental
 * parse), which must answer as a full parse does, while the previous version's tree stays as it was.
 */
export function parseAndCompare(uri: string, text: string, where: string, previous: ParsedVersion | undefined, resolving = true): ParsedVersion {
  const ast = parseDockerfileText(uri, text);
  const got = JSON.stringify(snapshot(ast, resolving));
  const expected = JSON.stringify(snapshot(DockerfileParser.parse(text), resolving));
  if (got !== expected) assert.fail(`${where}: the incremental tree differs from a full parse ${firstDifference(got, expected)}\n--- text ---\n${text}`);
  if (previous) assert.equal(JSON.stringify(snapshot(previous.ast, resolving)), previous.snapshot, `${where}: the previous version's tree changed`);
  return { ast, snapshot: got };
}
