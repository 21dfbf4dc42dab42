import { MarkupKind, type ParameterInformation, type Position, type SignatureHelp, type SignatureInformation } from 'vscode-languageserver-types';
import { pick, type DocsLanguage } from '../common/localized';
import type { FeatureContext } from '../common/service';
import { cursorAt, currentToken, isFlagToken, positionalIndex, precedingArgs, type InstructionCursor } from './cursor';
import { flagDoc, instructionDocs, instructionName, signatureForms, type FormSpec, type InstructionName, type ParameterSpec } from './docs';
import type { DockerfileModel } from './model';

/**
 * Signature help: the forms of the instruction under the cursor, with the flag or positional
 * argument being typed highlighted. Null outside instructions.
 */
export function signatureHelpDockerfile(model: DockerfileModel, position: Position, ctx: FeatureContext): SignatureHelp | null {
  try {
    return signatureHelp(model, position, ctx.lang);
  } catch {
    return null;
  }
}

function signatureHelp(model: DockerfileModel, position: Position, lang: DocsLanguage): SignatureHelp | null {
  const cursor = cursorAt(model, position);
  if (!cursor) return null;
  if (cursor.onbuild && (cursor.inKeyword || !cursor.keyword)) {
    // Still typing the trigger: ONBUILD's own signature, trigger highlighted.
    return build('ONBUILD', signatureForms.ONBUILD, 0, cursor.inKeyword && cursor.keyword === '' ? 0 : undefined, lang);
  }
  const keyword = instructionName(cursor.keyword);
  if (!keyword) return null;
  const forms = signatureForms[keyword];
  const formIndex = chooseForm(cursor, forms);
  const active = cursor.inKeyword ? undefined : activeParameter(cursor, forms[formIndex]);
  return build(keyword, forms, formIndex, active, lang);
}

function build(keyword: InstructionName, forms: readonly FormSpec[], activeSignature: number, activeParameter: number | undefined, lang: DocsLanguage): SignatureHelp {
  const signatures = forms.map((form) => signatureOf(keyword, form, lang));
  // An index past the end tells the client that no parameter is active.
  const params = forms[activeSignature].params.length;
  return { signatures, activeSignature, activeParameter: activeParameter ?? params };
}

function signatureOf(keyword: InstructionName, form: FormSpec, lang: DocsLanguage): SignatureInformation {
  let label = keyword;
  const parameters: ParameterInformation[] = [];
  for (const param of form.params) {
    label += ' ';
    const start = label.length;
    label += param.label;
    parameters.push({ label: [start, label.length], documentation: parameterDoc(keyword, param, lang) });
  }
  return { label, documentation: { kind: MarkupKind.Markdown, value: pick(instructionDocs[keyword].summary, lang) }, parameters };
}

function parameterDoc(keyword: InstructionName, param: ParameterSpec, lang: DocsLanguage): ParameterInformation['documentation'] {
  if (param.flag === '*') return lang === 'zh-cn' ? '与普通形式相同的参数。' : 'The same flags as the plain form.';
  if (param.flag) {
    const doc = flagDoc(keyword, param.flag);
    return doc ? { kind: MarkupKind.Markdown, value: `\`--${doc.name}\` — ${pick(doc.summary, lang)}` } : undefined;
  }
  return param.doc ? { kind: MarkupKind.Markdown, value: pick(param.doc, lang) } : undefined;
}

/** JSON, heredoc and NONE forms are recognised from the first non-flag word. */
function chooseForm(cursor: InstructionCursor, forms: readonly FormSpec[]): number {
  const first = cursor.args.find((t) => !isFlagToken(t));
  let kind: FormSpec['kind'] = 'plain';
  if (first?.text.startsWith('[')) kind = 'json';
  else if (first?.text.startsWith('<<')) kind = 'heredoc';
  else if (first && first.text.toUpperCase() === 'NONE') kind = 'none';
  const index = forms.findIndex((f) => f.kind === kind);
  return index >= 0 ? index : 0;
}

function activeParameter(cursor: InstructionCursor, form: FormSpec): number | undefined {
  const token = currentToken(cursor);
  const onFlag = isFlagToken(token) || (token.text.startsWith('-') && precedingArgs(cursor).every(isFlagToken));
  if (onFlag) {
    const name = token.text.replace(/^-+/, '').split('=')[0];
    const exact = form.params.findIndex((p) => p.flag === name);
    if (exact >= 0) return exact;
    const partial = form.params.findIndex((p) => p.flag !== undefined && (p.flag === '*' || (name !== '' && p.flag.startsWith(name))));
    return partial >= 0 ? partial : undefined;
  }
  const index = positionalIndex(cursor);
  const isLastWord = !cursor.args.some((t) => t.start > token.end && !isFlagToken(t));
  const last = form.params.findIndex((p) => p.last);
  if (last >= 0 && index >= 1 && isLastWord) return last;
  let match: number | undefined;
  form.params.forEach((param, i) => {
    if (param.positional === undefined || param.last) return;
    if (param.positional === index || (param.rest && param.positional <= index && match === undefined)) match = i;
  });
  return match;
}
