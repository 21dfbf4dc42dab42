import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { pick } from '../common/localized';
import type { FeatureContext } from '../common/service';
import { instructionDocs, isInstructionName, type InstructionDoc } from './docs/instructions';
import { instructionAt, rangeContains, type DockerfileModel } from './model';

export function hoverDockerfile(model: DockerfileModel, position: Position, ctx: FeatureContext): Hover | null {
  const instruction = instructionAt(model, position);
  if (!instruction) return null;
  const keywordRange = instruction.getInstructionRange();
  if (rangeContains(keywordRange, position)) {
    const keyword = instruction.getKeyword().toUpperCase();
    if (!isInstructionName(keyword)) return null;
    return { contents: { kind: MarkupKind.Markdown, value: renderInstructionDoc(keyword, instructionDocs[keyword], ctx) }, range: keywordRange };
  }
  return null;
}

export function renderInstructionDoc(name: string, doc: InstructionDoc, ctx: FeatureContext): string {
  const parts = [`**${name}**${doc.deprecated ? (ctx.lang === 'zh-cn' ? '（已弃用）' : ' (deprecated)') : ''}`, pick(doc.summary, ctx.lang)];
  parts.push('```dockerfile\n' + doc.syntax.join('\n') + '\n```');
  if (doc.pitfalls.length) parts.push(doc.pitfalls.map((p) => `- ${pick(p, ctx.lang)}`).join('\n'));
  parts.push((ctx.lang === 'zh-cn' ? '示例：' : 'Example:') + '\n```dockerfile\n' + doc.example + '\n```');
  return parts.join('\n\n');
}
