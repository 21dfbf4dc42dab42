import {
  CompletionItemKind, CompletionItemTag, InsertTextFormat, type CompletionItem, type MarkupContent, type CompletionList, type Position, type Range,
} from 'vscode-languageserver-types';
import { pick, type DocsLanguage } from '../common/localized';
import type { FeatureContext } from '../common/service';
import { completeArguments } from './completionArgs';
import { cursorAt, type InstructionCursor } from './cursor';
import {
  buildChecks, checkDirectiveKeys, detailLine, directives, forbiddenOnbuildTriggers, instructionDocs, instructionNames, markdownDoc,
  type InstructionName,
} from './docs';
import type { DockerfileModel } from './model';

/**
 * Completion for Dockerfiles: parser directives at the top, instruction keywords (as snippets of
 * their forms, in the file's keyword casing), and everything after a keyword (see completionArgs).
 * Works on half-typed text: every item carries the range it replaces.
 */
export function completeDockerfile(model: DockerfileModel, position: Position, ctx: FeatureContext): CompletionList | null {
  try {
    const items = completionItems(model, position, ctx.lang);
    return items ? { isIncomplete: false, items } : null;
  } catch {
    return null;
  }
}

function completionItems(model: DockerfileModel, position: Position, lang: DocsLanguage): CompletionItem[] | null {
  const lineText = model.document.getText({ start: { line: position.line, character: 0 }, end: position });
  const cursor = cursorAt(model, position);
  if (!cursor) {
    if (/^\s*#/.test(lineText)) return inDirectiveArea(model, position.line) ? directiveItems(model, position, lineText, lang) : null;
    const word = /[A-Za-z]*$/.exec(lineText)![0];
    if (!/^\s*[A-Za-z]*$/.test(lineText)) return null;
    return keywordItems(model, wordRange(model, position, word.length), word, false, lang);
  }
  if (cursor.inKeyword) {
    const token = cursor.keywordToken;
    const range = { start: model.document.positionAt(token.start), end: model.document.positionAt(token.end) };
    if (token.text && !/^[A-Za-z]*$/.test(token.text)) return null;
    return keywordItems(model, range, token.text, cursor.onbuild, lang, hasTextAfter(model, cursor));
  }
  return completeArguments(model, cursor, lang);
}

function hasTextAfter(model: DockerfileModel, cursor: InstructionCursor): boolean {
  const end = cursor.keywordToken.end;
  const lineEnd = model.document.offsetAt({ line: model.document.positionAt(end).line + 1, character: 0 });
  return model.document.getText().slice(end, lineEnd).trim().length > 0;
}

/** The range of the word ending at the cursor, extended over the rest of that word. */
function wordRange(model: DockerfileModel, position: Position, before: number): Range {
  const line = model.document.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } });
  let end = position.character;
  while (end < line.length && /[A-Za-z]/.test(line[end])) end++;
  return { start: { line: position.line, character: position.character - before }, end: { line: position.line, character: end } };
}

// ---------------------------------------------------------------------------------------------
// Keywords

/** Lower case when the other instructions of the file are mostly lower case, or when the user types lower case. */
function preferLowerCase(model: DockerfileModel, typed: string, line: number): boolean {
  let lower = 0;
  let upper = 0;
  for (const instruction of model.ast.getInstructions()) {
    if (instruction.getRange().start.line === line) continue;
    // getKeyword() is upper-cased by the parser; getInstruction() is the text as written.
    const keyword = instruction.getInstruction();
    if (keyword === keyword.toLowerCase()) lower++;
    else if (keyword === keyword.toUpperCase()) upper++;
  }
  if (lower !== upper) return lower > upper;
  return typed.length > 0 && typed === typed.toLowerCase();
}

function snippetEscape(escapeChar: string): string {
  // In snippet syntax a literal backslash is written `\\`.
  return escapeChar === '\\' ? '\\\\' : escapeChar;
}

/** Instruction docs are static: render each once per language, not on every keystroke. */
const renderedInstructionDocs = new Map<string, MarkupContent>();

function instructionDocumentation(name: InstructionName, lang: DocsLanguage): MarkupContent {
  const key = `${lang}:${name}`;
  let doc = renderedInstructionDocs.get(key);
  if (!doc) {
    doc = markdownDoc(name, instructionDocs[name], lang);
    renderedInstructionDocs.set(key, doc);
  }
  return doc;
}

const keywordsInSnippets = new RegExp(`\\b(?:AS|NONE|${instructionNames.join('|')})\\b`, 'g');

function keywordItems(model: DockerfileModel, range: Range, typed: string, onbuild: boolean, lang: DocsLanguage, keywordOnly = false): CompletionItem[] {
  const lower = preferLowerCase(model, typed, range.start.line);
  const escape = snippetEscape(model.ast.getEscapeCharacter());
  // Before the first FROM only ARG and FROM are valid, so they come first there.
  const firstFrom = model.ast.getFROMs()[0];
  const beforeFirstFrom = !onbuild && (!firstFrom || firstFrom.getRange().start.line >= range.start.line);
  const items: CompletionItem[] = [];
  for (const name of instructionNames) {
    if (onbuild && forbiddenOnbuildTriggers.includes(name)) continue;
    const doc = instructionDocs[name];
    const keyword = lower ? name.toLowerCase() : name;
    const documentation = instructionDocumentation(name, lang);
    const base: Partial<CompletionItem> = {
      kind: CompletionItemKind.Keyword, detail: doc.syntax[0], documentation, filterText: keyword,
      tags: doc.deprecated ? [CompletionItemTag.Deprecated as CompletionItemTag] : undefined,
    };
    const order = doc.deprecated ? 'z' : beforeFirstFrom && (name === 'FROM' || name === 'ARG') ? '0' : 'a';
    if (keywordOnly) {
      items.push({ ...base, label: keyword, sortText: `${order}${name}`, textEdit: { range, newText: keyword }, insertTextFormat: InsertTextFormat.PlainText });
      continue;
    }
    doc.snippets.forEach((snippet, index) => {
      const withEscape = snippet.body.replace(/\{ESC\}/g, escape);
      // Keywords inside a form (`AS`, `CMD`, ONBUILD's triggers) follow the file's casing too.
      const body = lower ? withEscape.replace(keywordsInSnippets, (word) => word.toLowerCase()) : withEscape;
      items.push({
        ...base,
        label: keyword,
        labelDetails: { description: pick(snippet.label, lang) },
        sortText: `${order}${name}${index}`,
        textEdit: { range, newText: `${keyword} ${body}` },
        insertTextFormat: InsertTextFormat.Snippet,
      });
    });
  }
  return items;
}

// ---------------------------------------------------------------------------------------------
// Parser directives

const directiveLine = /^[ \t]*#[ \t]*[A-Za-z][A-Za-z0-9]*[ \t]*=/;

/** Directives are only read at the very top: every line before this one must be a directive. */
function inDirectiveArea(model: DockerfileModel, line: number): boolean {
  if (line > 16) return false;
  for (let l = 0; l < line; l++) {
    const text = model.document.getText({ start: { line: l, character: 0 }, end: { line: l + 1, character: 0 } });
    if (!directiveLine.test(text)) return false;
  }
  return true;
}

function directiveItems(model: DockerfileModel, position: Position, lineText: string, lang: DocsLanguage): CompletionItem[] | null {
  const lineRange = (start: number): Range => ({ start: { line: position.line, character: start }, end: restOfWord(model, position) });
  const nameMatch = /^([ \t]*#[ \t]*)([A-Za-z]*)$/.exec(lineText);
  if (nameMatch) {
    const present = new Set(model.ast.getDirectives().filter((d) => d.getRange().start.line !== position.line).map((d) => d.getName().toLowerCase()));
    const range = lineRange(nameMatch[1].length);
    return directives.filter((d) => !present.has(d.name)).map((d, index) => ({
      label: d.name, kind: CompletionItemKind.Property, detail: d.syntax![0], sortText: String(index),
      documentation: markdownDoc(`# ${d.name}=`, d, lang),
      textEdit: { range, newText: `${d.name}=\${1:${d.values[0].name.replace(/[$}\\]/g, '\\$&')}}` },
      insertTextFormat: InsertTextFormat.Snippet,
    }));
  }
  const valueMatch = /^([ \t]*#[ \t]*([A-Za-z]+)[ \t]*=[ \t]*)(.*)$/.exec(lineText);
  if (!valueMatch) return null;
  const name = valueMatch[2].toLowerCase();
  const valueStart = valueMatch[1].length;
  if (name === 'check') return checkItems(valueStart, valueMatch[3], lineRange, lang);
  const doc = directives.find((d) => d.name === name);
  if (!doc) return null;
  const range = lineRange(valueStart);
  return doc.values.map((value, index) => ({
    label: value.name, kind: CompletionItemKind.Value, sortText: String(index), detail: detailLine(value, lang),
    documentation: markdownDoc(value.name, value, lang),
    textEdit: { range, newText: value.name }, insertTextFormat: InsertTextFormat.PlainText,
  }));
}

function restOfWord(model: DockerfileModel, position: Position): Position {
  const line = model.document.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } });
  let end = position.character;
  while (end < line.length && !/[\s,;=]/.test(line[end])) end++;
  return { line: position.line, character: end };
}

/** `# check=skip=<rules>;error=true`: keys, then rule names after `skip=`, then booleans after `error=`. */
function checkItems(valueStart: number, value: string, lineRange: (start: number) => Range, lang: DocsLanguage): CompletionItem[] {
  const partStart = value.lastIndexOf(';') + 1;
  const part = value.slice(partStart);
  const eq = part.indexOf('=');
  if (eq < 0) {
    const range = lineRange(valueStart + partStart + (part.length - part.trimStart().length));
    return checkDirectiveKeys.map((key) => ({
      label: key.name, kind: CompletionItemKind.Property, detail: detailLine(key, lang), documentation: markdownDoc(key.name, key, lang),
      textEdit: { range, newText: `${key.name}=` }, insertTextFormat: InsertTextFormat.PlainText,
      command: { title: 'suggest', command: 'editor.action.triggerSuggest' },
    }));
  }
  const key = part.slice(0, eq).trim();
  const after = part.slice(eq + 1);
  if (key === 'error') {
    const range = lineRange(valueStart + partStart + eq + 1);
    return ['true', 'false'].map((v) => ({
      label: v, kind: CompletionItemKind.Value, detail: detailLine(checkDirectiveKeys[1], lang), documentation: markdownDoc(`error=${v}`, checkDirectiveKeys[1], lang),
      textEdit: { range, newText: v }, insertTextFormat: InsertTextFormat.PlainText,
    }));
  }
  if (key !== 'skip') return [];
  const itemStart = after.lastIndexOf(',') + 1;
  const listed = new Set(after.split(',').map((s) => s.trim()));
  const range = lineRange(valueStart + partStart + eq + 1 + itemStart);
  const items: CompletionItem[] = buildChecks.filter((rule) => !listed.has(rule.name)).map((rule) => ({
    label: rule.name, kind: CompletionItemKind.EnumMember, detail: detailLine(rule, lang), documentation: markdownDoc(rule.name, rule, lang),
    textEdit: { range, newText: rule.name }, insertTextFormat: InsertTextFormat.PlainText,
  }));
  if (itemStart === 0) {
    items.unshift({
      label: 'all', kind: CompletionItemKind.Keyword, sortText: '0', detail: detailLine(checkDirectiveKeys[0], lang), documentation: markdownDoc('skip=all', checkDirectiveKeys[0], lang),
      textEdit: { range, newText: 'all' }, insertTextFormat: InsertTextFormat.PlainText,
    });
  }
  return items;
}
