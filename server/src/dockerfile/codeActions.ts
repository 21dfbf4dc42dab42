import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { FeatureContext } from '../common/service';
import type { DockerfileModel } from './model';
import { dockerfileRules } from './rules';
import { factsOf } from './rules/facts';

const lineIgnore = /^(\s*#\s*stevedore-ignore)(?!-)(\s+\S.*)?$/i;
const fileIgnore = /^(\s*#\s*stevedore-ignore-file)(\s+\S.*)?$/i;

/**
 * "Ignore on this line" and "ignore in this file" for every Stevedore diagnostic, once per rule and
 * scope. Titles name the rule by its id; its hadolint or BuildKit names follow in parentheses
 * (`# stevedore-ignore` takes either). Rule-specific quick fixes travel on the diagnostics
 * themselves (see common/codeActions.ts).
 */
export function dockerfileCodeActions(model: DockerfileModel, _range: Range, diagnostics: Diagnostic[], ctx: FeatureContext): CodeAction[] {
  const facts = factsOf(model);
  const uri = model.document.uri;
  const zh = ctx.lang === 'zh-cn';
  const actions: CodeAction[] = [];
  const offered = new Set<string>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== 'stevedore' || typeof diagnostic.code !== 'string') continue;
    const rule = dockerfileRules.find(diagnostic.code);
    if (!rule) continue;
    const id = rule.meta.id;
    const detail = rule.meta.aliases.length ? (zh ? `（${rule.meta.aliases.join('、')}）` : ` (${rule.meta.aliases.join(', ')})`) : '';
    const instruction = facts.instructionAtLine(diagnostic.range.start.line);
    if (instruction) {
      const line = instruction.getRange().start.line;
      const key = `line:${line}:${id}`;
      if (!offered.has(key)) {
        offered.add(key);
        actions.push({
          title: zh ? `在此行忽略 ${id}${detail}` : `Ignore ${id} on this line${detail}`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: { changes: { [uri]: [ignoreLineEdit(facts.lines, line, id)] } },
        });
      }
    }
    const fileKey = `file:${id}`;
    if (!offered.has(fileKey)) {
      offered.add(fileKey);
      actions.push({
        title: zh ? `在此文件中忽略 ${id}${detail}` : `Ignore ${id} in this file${detail}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: { changes: { [uri]: [ignoreFileEdit(facts.lines, facts.directives.length, id)] } },
      });
    }
  }
  return actions;
}

/** Adds the id to a `# stevedore-ignore` comment right above the instruction, or writes one. */
function ignoreLineEdit(lines: readonly string[], instructionLine: number, id: string): TextEdit {
  const above = instructionLine > 0 ? lines[instructionLine - 1] : undefined;
  const existing = above !== undefined ? lineIgnore.exec(above) : null;
  if (above !== undefined && existing && existing[2]) {
    return { range: { start: { line: instructionLine - 1, character: above.length }, end: { line: instructionLine - 1, character: above.length } }, newText: `,${id}` };
  }
  const indent = /^\s*/.exec(lines[instructionLine] ?? '')![0];
  return { range: { start: { line: instructionLine, character: 0 }, end: { line: instructionLine, character: 0 } }, newText: `${indent}# stevedore-ignore ${id}\n` };
}

/** Extends an existing `# stevedore-ignore-file` line, or adds one below the parser directives. */
function ignoreFileEdit(lines: readonly string[], directiveCount: number, id: string): TextEdit {
  for (let line = 0; line < lines.length; line++) {
    const match = fileIgnore.exec(lines[line]);
    if (match && match[2]) {
      return { range: { start: { line, character: lines[line].length }, end: { line, character: lines[line].length } }, newText: `,${id}` };
    }
  }
  // Directives must stay the first lines of the file, so the comment goes right after them.
  return { range: { start: { line: directiveCount, character: 0 }, end: { line: directiveCount, character: 0 } }, newText: `# stevedore-ignore-file ${id}\n` };
}
