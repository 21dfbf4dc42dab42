import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver-types';
import { pick } from '../common/localized';
import type { FeatureContext } from '../common/service';
import { instructionDocs, instructionNames } from './docs/instructions';
import { instructionAt, type DockerfileModel } from './model';

export function completeDockerfile(model: DockerfileModel, position: Position, ctx: FeatureContext): CompletionList | null {
  const line = model.document.getText({ start: { line: position.line, character: 0 }, end: position });
  const instruction = instructionAt(model, position);
  // Instruction keywords belong at the start of a line that is not a continuation of another one.
  const startsInstruction = /^\s*[A-Za-z]*$/.test(line) && (!instruction || instruction.getRange().start.line === position.line);
  if (!startsInstruction) return null;
  const lowerCase = /^\s*[a-z]+$/.test(line);
  const items: CompletionItem[] = instructionNames.map((name) => {
    const doc = instructionDocs[name];
    const label = lowerCase ? name.toLowerCase() : name;
    return {
      label,
      kind: CompletionItemKind.Keyword,
      detail: doc.syntax[0],
      documentation: { kind: MarkupKind.Markdown, value: pick(doc.summary, ctx.lang) },
      insertText: `${label} `,
      insertTextFormat: InsertTextFormat.PlainText,
      tags: doc.deprecated ? [1] : undefined,
    };
  });
  return { isIncomplete: false, items };
}
