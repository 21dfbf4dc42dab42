import { From, Healthcheck, Onbuild, type Flag, type Instruction } from 'dockerfile-ast';
import { MarkupKind, type Hover, type Position, type Range } from 'vscode-languageserver-types';
import type { DocsLanguage } from '../common/localized';
import type { FeatureContext } from '../common/service';
import {
  booleanValueDocs, buildCheckDocs, checkDirectiveKeyDocs, directiveDocs, flagDoc, healthcheckSubcommandDocs, instructionDocs,
  instructionName, mountOptionDocs, mountTypeDocs, platformDocs, renderDoc, scratchImage, sharingValueDocs, signalDocs, stageNameKeyword,
  type DocEntry, type FlagDoc, type InstructionName, type ValueDoc,
} from './docs';
import { parseImageRef, renderImageRef } from './imageRef';
import { declarationHover, stageHover, variableHover } from './hoverSymbols';
import { rangeContains, type DockerfileModel } from './model';
import { findStage, resolveVariableAt, semanticsOf, stageAt } from './semantic';

/**
 * Hover for everything a Dockerfile line is made of: directives, keywords, flags and their values,
 * `--mount` options, HEALTHCHECK subcommands, signals, variables, stage names and image references.
 * Each answer carries the exact range of the word it documents.
 */
export function hoverDockerfile(model: DockerfileModel, position: Position, ctx: FeatureContext): Hover | null {
  try {
    return directiveHover(model, position, ctx.lang) ?? instructionHover(model, position, ctx.lang);
  } catch {
    // Hover must never fail the request, whatever the text looks like.
    return null;
  }
}

function markdown(value: string, range: Range): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range };
}

function docHover(title: string, doc: DocEntry, range: Range, lang: DocsLanguage): Hover {
  return markdown(renderDoc(title, doc, lang), range);
}

// ---------------------------------------------------------------------------------------------
// Parser directives

function directiveHover(model: DockerfileModel, position: Position, lang: DocsLanguage): Hover | null {
  for (const directive of model.ast.getDirectives()) {
    if (directive.getRange().start.line !== position.line) continue;
    const name = directive.getName().toLowerCase();
    const doc = directiveDocs[name];
    if (!doc) return null;
    if (rangeContains(directive.getNameRange(), position)) return docHover(`# ${name}=`, doc, directive.getNameRange(), lang);
    const valueRange = directive.getValueRange();
    if (!rangeContains(valueRange, position)) return null;
    if (name === 'check') return checkValueHover(directive.getValue(), valueRange, position, lang) ?? docHover(`# ${name}=`, doc, valueRange, lang);
    const value = doc.values.find((v) => v.name === directive.getValue());
    return value ? docHover(value.name, { ...value, syntax: doc.syntax }, valueRange, lang) : docHover(`# ${name}=`, doc, valueRange, lang);
  }
  return null;
}

/** `skip=A,B;error=true`: hover on a key shows the key, on a rule name shows the rule. */
function checkValueHover(value: string, range: Range, position: Position, lang: DocsLanguage): Hover | null {
  const line = range.start.line;
  const at = position.character - range.start.character;
  let offset = 0;
  for (const part of value.split(';')) {
    const eq = part.indexOf('=');
    const key = (eq >= 0 ? part.slice(0, eq) : part).trim();
    const keyStart = offset + part.indexOf(key);
    if (at >= keyStart && at <= keyStart + key.length && checkDirectiveKeyDocs[key]) {
      return docHover(key, checkDirectiveKeyDocs[key], span(line, range.start.character + keyStart, key.length), lang);
    }
    if (eq >= 0 && key === 'skip') {
      let itemOffset = offset + eq + 1;
      for (const item of part.slice(eq + 1).split(',')) {
        const name = item.trim();
        const start = itemOffset + item.indexOf(name);
        const doc = buildCheckDocs[name];
        if (doc && at >= start && at <= start + name.length) return docHover(name, doc, span(line, range.start.character + start, name.length), lang);
        itemOffset += item.length + 1;
      }
    }
    offset += part.length + 1;
  }
  return null;
}

function span(line: number, character: number, length: number): Range {
  return { start: { line, character }, end: { line, character: character + length } };
}

// ---------------------------------------------------------------------------------------------
// Instructions

function instructionHover(model: DockerfileModel, position: Position, lang: DocsLanguage): Hover | null {
  const instruction = model.ast.getInstructions().find((i) => rangeContains(i.getRange(), position));
  if (!instruction) return null;
  const keywordRange = instruction.getInstructionRange();
  if (rangeContains(keywordRange, position)) return keywordHover(instruction.getKeyword(), keywordRange, lang);

  // ONBUILD's trigger is documented as the instruction it is.
  let target: Instruction = instruction;
  if (instruction instanceof Onbuild) {
    const triggerRange = instruction.getTriggerRange();
    if (triggerRange && rangeContains(triggerRange, position)) return keywordHover(instruction.getTriggerWord() ?? '', triggerRange, lang);
    target = instruction.getTriggerInstruction() ?? instruction;
  }
  const keyword = instructionName(target.getKeyword());
  if (!keyword) return null;

  return variableAt(model, target, position, lang)
    ?? flagHover(model, target, keyword, position, lang)
    ?? argumentHover(model, target, keyword, position, lang);
}

function keywordHover(word: string, range: Range, lang: DocsLanguage): Hover | null {
  const name = instructionName(word);
  return name ? docHover(name, instructionDocs[name], range, lang) : null;
}

function variableAt(model: DockerfileModel, instruction: Instruction, position: Position, lang: DocsLanguage): Hover | null {
  for (const variable of instruction.getVariables()) {
    const range = variable.getRange();
    if (!rangeContains(range, position)) continue;
    const modifierRange = variable.getModifierRange();
    const colon = !!modifierRange && modifierRange.start.character > 0
      && model.document.getText({ start: { line: modifierRange.start.line, character: modifierRange.start.character - 1 }, end: modifierRange.start }) === ':';
    const use = { name: variable.getName(), modifier: variable.getModifier() || null, colon, parameter: variable.getSubstitutionParameter() };
    return markdown(variableHover(model, variable.getName(), position, lang, use), range);
  }
  return null;
}

function flagsOf(instruction: Instruction): Flag[] {
  const getter = (instruction as unknown as { getFlags?: () => Flag[] }).getFlags;
  return typeof getter === 'function' ? getter.call(instruction) : [];
}

function flagHover(model: DockerfileModel, instruction: Instruction, keyword: InstructionName, position: Position, lang: DocsLanguage): Hover | null {
  for (const flag of flagsOf(instruction)) {
    if (!rangeContains(flag.getRange(), position)) continue;
    const doc = flagDoc(keyword, flag.getName());
    if (!doc) return null;
    const nameRange = { start: flag.getRange().start, end: flag.getNameRange().end };
    if (rangeContains(nameRange, position)) return docHover(`--${doc.name}`, doc, nameRange, lang);
    const valueRange = flag.getValueRange();
    if (!valueRange || !rangeContains(valueRange, position)) return docHover(`--${doc.name}`, doc, flag.getRange(), lang);
    return flagValueHover(model, flag, doc, valueRange, position, lang);
  }
  return null;
}

function flagValueHover(model: DockerfileModel, flag: Flag, doc: FlagDoc, valueRange: Range, position: Position, lang: DocsLanguage): Hover | null {
  const value = flag.getValue() ?? '';
  if (doc.value === 'mount') return mountHover(model, flag, doc, position, lang);
  if (doc.value === 'stage') return stageOrImageHover(model, value, valueRange, position, lang);
  const known = doc.values?.find((v) => v.name === value) ?? (doc.value === 'platform' ? platformDocs[value] : undefined)
    ?? (doc.value === 'boolean' ? booleanValueDocs[value] : undefined);
  if (known) return valueHover(`--${doc.name}=${known.name}`, known, doc, valueRange, lang);
  return docHover(`--${doc.name}`, doc, valueRange, lang);
}

/** A value's own docs, followed by the one-line summary of the flag it belongs to. */
function valueHover(title: string, value: ValueDoc, owner: DocEntry & { name: string }, range: Range, lang: DocsLanguage): Hover {
  const ownerSummary = lang === 'zh-cn' ? owner.summary.zh : owner.summary.en;
  return markdown(`${renderDoc(title, value, lang)}\n\n---\n\n${ownerSummary}`, range);
}

function mountHover(model: DockerfileModel, flag: Flag, doc: FlagDoc, position: Position, lang: DocsLanguage): Hover | null {
  for (const option of flag.getOptions()) {
    if (!rangeContains(option.getRange(), position)) continue;
    const name = option.getName();
    const optionDoc = mountOptionDocs[name];
    if (!optionDoc) return docHover('--mount', doc, option.getRange(), lang);
    const nameRange = option.getNameRange();
    if (rangeContains(nameRange, position)) return docHover(name, optionDoc, nameRange, lang);
    const valueRange = option.getValueRange();
    const value = option.getValue() ?? '';
    if (!valueRange) return docHover(name, optionDoc, option.getRange(), lang);
    if (optionDoc.value === 'stage') return stageOrImageHover(model, value, valueRange, position, lang);
    const table = optionDoc.value === 'mountType' ? mountTypeDocs : optionDoc.value === 'sharing' ? sharingValueDocs : optionDoc.value === 'boolean' ? booleanValueDocs : undefined;
    const known = table?.[value];
    return known ? valueHover(`${name}=${value}`, known, optionDoc, valueRange, lang) : docHover(name, optionDoc, valueRange, lang);
  }
  return docHover('--mount', doc, flag.getRange(), lang);
}

/** `--from=<x>` / `from=<x>`: an earlier stage when one has that name or index, otherwise an image. */
function stageOrImageHover(model: DockerfileModel, value: string, range: Range, position: Position, lang: DocsLanguage): Hover | null {
  if (!value) return null;
  const semantics = semanticsOf(model);
  const stage = findStage(semantics.stages, value, stageAt(model, position)) ?? (/^\d+$/.test(value) ? undefined : findStage(semantics.stages, value));
  if (stage) return markdown(stageHover(model, stage, lang, position), range);
  const ref = parseImageRef(value);
  return ref ? markdown(renderImageRef(ref, lang), range) : null;
}

// ---------------------------------------------------------------------------------------------
// Positional arguments

function argumentHover(model: DockerfileModel, instruction: Instruction, keyword: InstructionName, position: Position, lang: DocsLanguage): Hover | null {
  if (instruction instanceof From) return fromHover(model, instruction, position, lang);
  if (instruction instanceof Healthcheck) {
    const subcommand = instruction.getSubcommand();
    const doc = subcommand && healthcheckSubcommandDocs[subcommand.getValue().toUpperCase()];
    if (subcommand && doc && rangeContains(subcommand.getRange(), position)) return docHover(`HEALTHCHECK ${doc.name}`, doc, subcommand.getRange(), lang);
    return null;
  }
  if (keyword === 'STOPSIGNAL') {
    const arg = instruction.getArguments()[0];
    const doc = arg && signalDocs[arg.getValue().toUpperCase()];
    return arg && doc && rangeContains(arg.getRange(), position) ? docHover(doc.name, doc, arg.getRange(), lang) : null;
  }
  if (keyword === 'ARG' || keyword === 'ENV') return declarationNameHover(model, instruction, position, lang);
  return null;
}

function declarationNameHover(model: DockerfileModel, instruction: Instruction, position: Position, lang: DocsLanguage): Hover | null {
  for (const declaration of semanticsOf(model).declarations) {
    if (declaration.instruction !== instruction || !rangeContains(declaration.nameRange, position)) continue;
    return markdown(declarationHover(model, declaration, lang), declaration.nameRange);
  }
  return null;
}

function fromHover(model: DockerfileModel, from: From, position: Position, lang: DocsLanguage): Hover | null {
  const stageNameRange = from.getBuildStageRange();
  const semantics = semanticsOf(model);
  if (stageNameRange && rangeContains(stageNameRange, position)) {
    const stage = semantics.stages.find((s) => s.from === from);
    return stage ? markdown(stageHover(model, stage, lang), stageNameRange) : null;
  }
  const asKeyword = from.getArguments()[1];
  if (stageNameRange && asKeyword && asKeyword.getValue().toUpperCase() === 'AS' && rangeContains(asKeyword.getRange(), position)) {
    return docHover('AS', stageNameKeyword, asKeyword.getRange(), lang);
  }
  const imageRange = from.getImageRange();
  const image = from.getImage();
  if (!imageRange || !image || !rangeContains(imageRange, position)) return null;
  const stage = semantics.stages.find((s) => s.from === from);
  if (stage?.baseStage) return markdown(stageHover(model, stage.baseStage, lang, position), imageRange);
  const expanded = image.includes('$') ? expandGlobals(model, image, position) : undefined;
  if (image.toLowerCase() === 'scratch') return docHover('scratch', scratchImage, imageRange, lang);
  const ref = parseImageRef(expanded ?? image);
  return ref ? markdown(renderImageRef(ref, lang, expanded !== undefined ? image : undefined), imageRange) : null;
}

const variablePattern = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?([-+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/** Expands `$NAME` / `${NAME:-x}` with the defaults of the ARGs a FROM line sees (one pass, linear). */
function expandGlobals(model: DockerfileModel, text: string, position: Position): string {
  return text.replace(variablePattern, (_match, braced: string | undefined, modifier: string | undefined, parameter: string | undefined, bare: string | undefined) => {
    const name = braced ?? bare ?? '';
    const resolved = resolveVariableAt(model, name, position);
    const value = resolved?.value ?? '';
    if (modifier === '-') return value || (parameter ?? '');
    if (modifier === '+') return value ? (parameter ?? '') : '';
    return value;
  });
}
