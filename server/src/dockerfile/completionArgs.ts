import {
  CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Range,
} from 'vscode-languageserver-types';
import { pick, type DocsLanguage, type Localized } from '../common/localized';
import { currentToken, inFlagZone, isFlagToken, offsetRange, positionalIndex, precedingArgs, type InstructionCursor, type Token } from './cursor';
import {
  booleanValueDocs, commonCacheTargets, commonModes, commonPlatforms, detailLine, flagsByInstruction, healthcheckSubcommands, instructionName,
  isMountType, markdownDoc, scratchImage, mountOptionDocs, mountOptionsByType, mountTypes, predefinedArgs, renderDoc, sharingValues, signals,
  stageNameKeyword, type FlagDoc, type InstructionName, type MountOptionDoc, type ValueDoc,
} from './docs';
import { declarationHover, stageHover } from './hoverSymbols';
import type { DockerfileModel } from './model';
import { From } from 'dockerfile-ast';
import { comparePositions, effectiveValue, semanticsOf, stageAt, type ResolvedVariable, type Stage, type VariableDeclaration } from './semantic';

/**
 * Completion after an instruction keyword: flags and their values, `--mount` options by type,
 * variables after `$`, stage names, HEALTHCHECK subcommands, signals, predefined ARG names.
 */
export function completeArguments(model: DockerfileModel, cursor: InstructionCursor, lang: DocsLanguage): CompletionItem[] | null {
  const keyword = instructionName(cursor.keyword);
  if (!keyword) return null;
  const token = currentToken(cursor);
  const text = model.document.getText();
  const prefix = text.slice(token.start, cursor.offset);
  const variable = variableItems(model, cursor, prefix, lang);
  if (variable) return variable;
  const flags = flagsByInstruction[keyword] ?? [];
  const flagZone = inFlagZone(cursor) && flags.length > 0;
  if (flagZone && prefix.startsWith('-')) {
    const eq = prefix.indexOf('=');
    if (eq < 0) return flagNameItems(model, cursor, token, flags, lang);
    const flag = flags.find((f) => f.name === prefix.slice(2, eq));
    return flag ? flagValueItems(model, cursor, token, flag, token.start + eq + 1, lang) : [];
  }
  const items = positionalItems(model, cursor, keyword, token, lang);
  if (flagZone && prefix === '') items.unshift(...flagNameItems(model, cursor, token, flags, lang));
  return items;
}

function range(model: DockerfileModel, start: number, end: number): Range {
  return offsetRange(model, start, end);
}

function valueItem(model: DockerfileModel, value: ValueDoc, start: number, end: number, lang: DocsLanguage, kind: CompletionItemKind = CompletionItemKind.EnumMember, title = value.name, index = 0, isDefault = false): CompletionItem {
  return {
    label: value.name, kind, sortText: String(index).padStart(3, '0'), detail: detailLine(value, lang), documentation: markdownDoc(title, value, lang),
    labelDetails: isDefault ? { description: pick(defaultMark, lang) } : undefined,
    textEdit: { range: range(model, start, end), newText: value.name }, insertTextFormat: InsertTextFormat.PlainText,
  };
}

const defaultMark: Localized = { en: 'default', zh: '默认值' };

/** The closed set of values of a flag or mount option, the default first and marked. */
function enumValueItems(model: DockerfileModel, values: readonly ValueDoc[], defaultValue: string | undefined, start: number, end: number, lang: DocsLanguage, title: (value: ValueDoc) => string): CompletionItem[] {
  const ordered = [...values.filter((v) => v.name === defaultValue), ...values.filter((v) => v.name !== defaultValue)];
  return ordered.map((v, i) => valueItem(model, v, start, end, lang, CompletionItemKind.EnumMember, title(v), i, v.name === defaultValue));
}

const retrigger = { title: 'suggest', command: 'editor.action.triggerSuggest' };

// ---------------------------------------------------------------------------------------------
// Flags

function presentFlags(cursor: InstructionCursor): Set<string> {
  const names = new Set<string>();
  cursor.args.forEach((token, index) => {
    if (index !== cursor.current && isFlagToken(token)) names.add(token.text.slice(2).split('=')[0]);
  });
  return names;
}

function flagNameItems(model: DockerfileModel, cursor: InstructionCursor, token: Token, flags: readonly FlagDoc[], lang: DocsLanguage): CompletionItem[] {
  const present = presentFlags(cursor);
  const eq = token.text.indexOf('=');
  // Replace only the name when the word already has a value (`--netw|=host`).
  const end = eq >= 0 ? token.start + eq : token.end;
  return flags.filter((flag) => flag.repeatable || !present.has(flag.name)).map((flag, index) => ({
    label: `--${flag.name}`, kind: CompletionItemKind.Property, detail: detailLine(flag, lang), sortText: `0${index}`, filterText: `--${flag.name}`,
    documentation: markdownDoc(`--${flag.name}`, flag, lang),
    textEdit: { range: range(model, token.start, end), newText: eq >= 0 ? `--${flag.name}` : `--${flag.name}${flag.snippet}` },
    insertTextFormat: InsertTextFormat.Snippet,
    command: eq < 0 && flag.value === 'stage' ? retrigger : undefined,
  }));
}

const durations: readonly string[] = ['5s', '10s', '30s', '1m', '5m'];

function flagValueItems(model: DockerfileModel, cursor: InstructionCursor, token: Token, flag: FlagDoc, valueStart: number, lang: DocsLanguage): CompletionItem[] {
  if (flag.value === 'mount') return mountItems(model, cursor, token, valueStart, lang);
  const end = token.end;
  switch (flag.value) {
    case 'enum':
      return enumValueItems(model, flag.values ?? [], flag.defaultValue, valueStart, end, lang, (v) => `--${flag.name}=${v.name}`);
    case 'platform':
      return commonPlatforms.map((v, i) => valueItem(model, v, valueStart, end, lang, v.name.startsWith('$') ? CompletionItemKind.Variable : CompletionItemKind.EnumMember, v.name, i));
    case 'boolean':
      // `true` stays first: writing a flag's default `false` out is rarely what anyone means.
      return ['true', 'false'].map((v, i) => valueItem(model, { ...booleanValueDocs[v], syntax: flag.syntax }, valueStart, end, lang, CompletionItemKind.Value, `--${flag.name}=${v}`, i, v === flag.defaultValue));
    case 'stage':
      return stageItems(model, cursor, valueStart, end, lang, { excludeCurrent: true, allowIndex: true });
    case 'chmod':
      return commonModes.map((v, i) => valueItem(model, { ...v, name: v.name.slice(1) }, valueStart, end, lang, CompletionItemKind.Value, v.name.slice(1), i));
    case 'duration':
      return durations.map((d, i) => valueItem(model, { name: d, summary: flag.summary, brief: flag.brief, pitfalls: flag.pitfalls }, valueStart, end, lang, CompletionItemKind.Value, `--${flag.name}=${d}`, i, d === flag.defaultValue));
    case 'integer':
      return [valueItem(model, { name: flag.defaultValue ?? '3', summary: flag.summary, brief: flag.brief }, valueStart, end, lang, CompletionItemKind.Value, `--${flag.name}`, 0, flag.defaultValue !== undefined)];
    case 'checksum':
      return [valueItem(model, { name: 'sha256:', summary: flag.summary, brief: flag.brief, example: flag.example }, valueStart, end, lang, CompletionItemKind.Value, `--${flag.name}`)];
    default:
      return [];
  }
}

// ---------------------------------------------------------------------------------------------
// --mount=type=…,key=value

function mountItems(model: DockerfileModel, cursor: InstructionCursor, token: Token, valueStart: number, lang: DocsLanguage): CompletionItem[] {
  const text = model.document.getText();
  const value = text.slice(valueStart, token.end);
  const at = cursor.offset - valueStart;
  // lastIndexOf treats a negative start as 0, which would find a comma right at the cursor.
  const segmentStart = at > 0 ? value.lastIndexOf(',', at - 1) + 1 : 0;
  const nextComma = value.indexOf(',', at);
  const segmentEnd = nextComma < 0 ? value.length : nextComma;
  const segment = value.slice(segmentStart, segmentEnd);
  const segments = value.split(',');
  const currentSegment = countCommas(value, segmentStart);
  const others = segments.filter((_, i) => i !== currentSegment);
  const typeValue = others.map((s) => /^type=(.*)$/.exec(s)?.[1]).find((v) => !!v);
  const type = typeValue && isMountType(typeValue) ? typeValue : 'bind';
  const eq = segment.indexOf('=');
  const cursorInSegment = at - segmentStart;
  if (eq < 0 || cursorInSegment <= eq) {
    const present = new Set(others.map((s) => mountOptionDocs[s.split('=')[0]]?.name).filter(Boolean));
    const keyEnd = valueStart + segmentStart + (eq < 0 ? segment.length : eq);
    return mountOptionsByType[type].filter((name) => !present.has(name)).map((name, index) => mountKeyItem(model, mountOptionDocs[name], valueStart + segmentStart, keyEnd, eq >= 0, index, lang));
  }
  const option = mountOptionDocs[segment.slice(0, eq)];
  if (!option) return [];
  const start = valueStart + segmentStart + eq + 1;
  const end = valueStart + segmentEnd;
  switch (option.value) {
    case 'mountType': return enumValueItems(model, mountTypes, option.defaultValue, start, end, lang, (v) => `type=${v.name}`);
    case 'sharing': return enumValueItems(model, sharingValues, option.defaultValue, start, end, lang, (v) => `sharing=${v.name}`);
    case 'boolean': return ['true', 'false'].map((v, i) => valueItem(model, booleanValueDocs[v], start, end, lang, CompletionItemKind.Value, `${option.name}=${v}`, i));
    case 'stage': return stageItems(model, cursor, start, end, lang, { excludeCurrent: true, allowIndex: true });
    case 'mode': return commonModes.map((v, i) => valueItem(model, v, start, end, lang, CompletionItemKind.Value, `mode=${v.name}`, i));
    case 'path': return type === 'cache' && option.name === 'target'
      ? commonCacheTargets.map((v, i) => valueItem(model, v, start, end, lang, CompletionItemKind.Folder, v.name, i))
      : [];
    default: return [];
  }
}

function countCommas(value: string, before: number): number {
  let count = 0;
  for (let i = 0; i < before; i++) if (value[i] === ',') count++;
  return count;
}

function mountKeyItem(model: DockerfileModel, option: MountOptionDoc, start: number, end: number, hasValue: boolean, index: number, lang: DocsLanguage): CompletionItem {
  const enumValues = option.value === 'mountType' ? mountTypes : option.value === 'sharing' ? sharingValues : undefined;
  let newText = option.name;
  if (!hasValue) {
    if (enumValues) newText = `${option.name}=\${1|${enumValues.map((v) => v.name).join(',')}|}`;
    else if (option.flagLike) newText = option.name;
    else newText = `${option.name}=\${1}`;
  }
  return {
    label: option.name, kind: CompletionItemKind.Property, sortText: String(index).padStart(3, '0'), detail: detailLine(option, lang),
    documentation: markdownDoc(option.name, option, lang),
    textEdit: { range: range(model, start, end), newText }, insertTextFormat: InsertTextFormat.Snippet,
    command: !hasValue && (option.value === 'stage' || (option.value === 'path' && option.name === 'target')) ? retrigger : undefined,
  };
}

// ---------------------------------------------------------------------------------------------
// Stages, variables and positional arguments

/**
 * Stages defined before the cursor's line (BuildKit resolves only those); COPY cannot name its own
 * stage. Unnamed stages are offered by index where an index is accepted (`--from`, not `FROM`).
 */
function stageItems(model: DockerfileModel, cursor: InstructionCursor, start: number, end: number, lang: DocsLanguage, options: { excludeCurrent: boolean; allowIndex: boolean }): CompletionItem[] {
  const current = stageAt(model, model.document.positionAt(cursor.offset));
  const line = model.document.positionAt(cursor.offset).line;
  const candidates = semanticsOf(model).stages.filter((stage: Stage) => (stage.name || options.allowIndex)
    && stage.from.getRange().start.line < line && !(options.excludeCurrent && stage === current));
  return candidates.map((stage, index) => {
    const label = stage.name ?? String(stage.index);
    return {
      label, kind: CompletionItemKind.Module, detail: model.document.getText(stage.from.getRange()).split(/\r?\n/)[0],
      sortText: String(index).padStart(3, '0'),
      documentation: { kind: MarkupKind.Markdown, value: stageHover(model, stage, lang) },
      textEdit: { range: range(model, start, end), newText: label }, insertTextFormat: InsertTextFormat.PlainText,
    };
  });
}

/**
 * The variables an instruction sees, with BuildKit's scoping (semantic.ts's rules: global ARGs on
 * FROM lines; in a stage its own ARG/ENV declared earlier, ENV inherited from base stages, ENV
 * winning over ARG). One pass over the declarations instead of a scope lookup per name, so
 * completion stays linear even in a stage with hundreds of variables.
 */
export function visibleVariables(model: DockerfileModel, cursor: Pick<InstructionCursor, 'instruction'>): Map<string, ResolvedVariable> {
  const semantics = semanticsOf(model);
  const current = cursor.instruction;
  const start = current.getRange().start;
  const before = (d: VariableDeclaration): boolean => d.instruction !== current && comparePositions(d.instruction.getRange().end, start) <= 0;
  const stage = stageAt(model, start);
  const result = new Map<string, ResolvedVariable>();
  const put = (d: VariableDeclaration): void => { result.set(d.name, { declaration: d, value: effectiveValue(d) }); };
  if (!stage || current instanceof From) {
    for (const d of semantics.globalArgs) if (before(d)) put(d);
    return result;
  }
  const chain: Stage[] = [];
  for (let s = stage.baseStage; s && s !== stage && !chain.includes(s); s = s.baseStage) chain.push(s);
  const inChain = new Set(chain);
  const envs = new Map<string, VariableDeclaration>();
  const args = new Map<string, VariableDeclaration>();
  // Farthest base first, so nearer stages (and finally this one) override.
  const rank = (s: Stage | undefined): number => (s === stage ? -1 : chain.indexOf(s!));
  const relevant = semantics.declarations.filter((d) => d.stage === stage ? before(d) : d.kind === 'ENV' && inChain.has(d.stage!));
  relevant.sort((a, b) => rank(b.stage) - rank(a.stage));
  for (const d of relevant) (d.kind === 'ENV' ? envs : args).set(d.name, d);
  for (const d of args.values()) if (!envs.has(d.name)) put(d);
  for (const d of envs.values()) put(d);
  return result;
}

const variableTail = /\$(\{?)([A-Za-z0-9_]*)$/;

function variableItems(model: DockerfileModel, cursor: InstructionCursor, prefix: string, lang: DocsLanguage): CompletionItem[] | null {
  const match = variableTail.exec(prefix);
  if (!match) return null;
  const text = model.document.getText();
  const dollar = cursor.offset - match[0].length;
  if (dollar > 0 && text[dollar - 1] === model.ast.getEscapeCharacter()) return null;
  const nameStart = dollar + 1 + match[1].length;
  let nameEnd = cursor.offset;
  while (nameEnd < text.length && /[A-Za-z0-9_]/.test(text[nameEnd])) nameEnd++;
  const close = match[1] && text[nameEnd] !== '}' ? '}' : '';
  const replace = range(model, nameStart, nameEnd);
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  for (const [name, resolved] of visibleVariables(model, cursor)) {
    seen.add(name);
    const declaration = resolved.declaration;
    items.push({
      label: name, kind: CompletionItemKind.Variable, sortText: `0${name}`,
      detail: `${declaration.kind} ${name}${resolved.value !== null ? `=${resolved.value}` : ''}`,
      documentation: { kind: MarkupKind.Markdown, value: declarationHover(model, declaration, lang) },
      textEdit: { range: replace, newText: name + close }, insertTextFormat: InsertTextFormat.PlainText,
    });
  }
  const onFrom = cursor.keyword === 'FROM';
  for (const arg of predefinedArgs) {
    if (seen.has(arg.name)) continue;
    // FROM lines only see the platform args; RUN also gets the proxy args without a declaration.
    if (onFrom && arg.scope !== 'platform') continue;
    items.push({
      label: arg.name, kind: CompletionItemKind.Constant, sortText: `1${arg.name}`, detail: arg.syntax?.[0],
      documentation: markdownDoc(arg.name, arg, lang),
      textEdit: { range: replace, newText: arg.name + close }, insertTextFormat: InsertTextFormat.PlainText,
    });
  }
  return items;
}


const shells: readonly ValueDoc[] = [
  { name: '["/bin/bash", "-o", "pipefail", "-c"]', summary: { en: 'bash that fails a pipeline when any command in it fails.', zh: '使用 bash，管道中任一命令失败即整体失败。' } },
  { name: '["/bin/sh", "-c"]', summary: { en: 'The default POSIX shell on Linux.', zh: 'Linux 上默认的 POSIX shell。' } },
  { name: '["/bin/ash", "-eo", "pipefail", "-c"]', summary: { en: 'BusyBox ash on Alpine, stopping on errors and failed pipelines.', zh: 'Alpine 上的 BusyBox ash，遇到错误或管道失败即停止。' } },
  { name: '["powershell", "-Command", "$ErrorActionPreference = \'Stop\';"]', summary: { en: 'PowerShell on Windows images, stopping on the first error.', zh: 'Windows 镜像上的 PowerShell，遇到第一个错误即停止。' } },
  { name: '["cmd", "/S", "/C"]', summary: { en: 'The default shell on Windows.', zh: 'Windows 上的默认 shell。' } },
];

function positionalItems(model: DockerfileModel, cursor: InstructionCursor, keyword: InstructionName, token: Token, lang: DocsLanguage): CompletionItem[] {
  const index = positionalIndex(cursor);
  const { start, end } = token;
  switch (keyword) {
    case 'FROM': {
      if (index === 0) {
        const items = stageItems(model, cursor, start, end, lang, { excludeCurrent: true, allowIndex: false });
        items.push(valueItem(model, scratchImage, start, end, lang, CompletionItemKind.Module, 'scratch', 99));
        return items;
      }
      if (index === 1) {
        const lower = cursor.keywordToken.text === cursor.keywordToken.text.toLowerCase();
        return [valueItem(model, { ...stageNameKeyword, name: lower ? 'as' : 'AS' }, start, end, lang, CompletionItemKind.Keyword, 'AS')];
      }
      return [];
    }
    case 'HEALTHCHECK': {
      if (index !== 0) return [];
      const hasFlags = precedingArgs(cursor).some(isFlagToken);
      return healthcheckSubcommands.filter((s) => !hasFlags || s.name === 'CMD').map((s, i) => valueItem(model, s, start, end, lang, CompletionItemKind.Keyword, `HEALTHCHECK ${s.name}`, i));
    }
    case 'STOPSIGNAL':
      return index === 0 ? signals.map((s, i) => valueItem(model, s, start, end, lang, CompletionItemKind.EnumMember, s.name, i)) : [];
    case 'SHELL':
      return index === 0 ? shells.map((s, i) => valueItem(model, s, start, end, lang, CompletionItemKind.Value, 'SHELL', i)) : [];
    case 'ARG':
      return argNameItems(model, cursor, token, lang);
    default:
      return [];
  }
}

/** After ARG: the global ARGs this stage has not re-declared yet, and the predefined args. */
function argNameItems(model: DockerfileModel, cursor: InstructionCursor, token: Token, lang: DocsLanguage): CompletionItem[] {
  if (token.text.includes('=')) return [];
  const position = model.document.positionAt(cursor.offset);
  const stage = stageAt(model, position);
  const inScope = visibleVariables(model, cursor);
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  if (stage) {
    for (const global of semanticsOf(model).globalArgs) {
      if (seen.has(global.name) || inScope.get(global.name)?.declaration.kind === 'ARG') continue;
      seen.add(global.name);
      items.push({
        label: global.name, kind: CompletionItemKind.Variable, sortText: `0${global.name}`, detail: model.document.getText(global.instruction.getRange()),
        documentation: { kind: MarkupKind.Markdown, value: declarationHover(model, global, lang) },
        textEdit: { range: range(model, token.start, token.end), newText: global.name }, insertTextFormat: InsertTextFormat.PlainText,
      });
    }
  }
  for (const arg of predefinedArgs) {
    if (arg.scope === 'proxy' || seen.has(arg.name) || inScope.has(arg.name)) continue;
    items.push({
      label: arg.name, kind: CompletionItemKind.Constant, sortText: `1${arg.name}`, detail: arg.syntax?.[0],
      documentation: { kind: MarkupKind.Markdown, value: renderDoc(arg.name, arg, lang) },
      textEdit: { range: range(model, token.start, token.end), newText: arg.name }, insertTextFormat: InsertTextFormat.PlainText,
    });
  }
  return items;
}
