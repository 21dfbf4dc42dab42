import type { Position } from 'vscode-languageserver-types';
import { pick, type DocsLanguage, type Localized } from '../common/localized';
import { predefinedArgDocs, renderDoc } from './docs';
import type { DockerfileModel } from './model';
import { effectiveValue, resolveVariableAt, semanticsOf, stageAt, type Stage, type VariableDeclaration } from './semantic';

/** Hover text for variables and build stages, read from the scope-aware model in semantic.ts. */

const text = {
  arg: { en: 'build argument', zh: '构建参数' },
  env: { en: 'environment variable', zh: '环境变量' },
  predefined: { en: 'predefined build argument', zh: '预定义构建参数' },
  global: { en: 'global scope (before the first FROM)', zh: '全局作用域（第一个 FROM 之前）' },
  inStage: { en: 'stage', zh: '阶段' },
  declaredAt: { en: 'Declared on line', zh: '声明于第' },
  lineSuffix: { en: '', zh: ' 行' },
  value: { en: 'Default value', zh: '默认值' },
  noValue: { en: 'No default: empty unless passed with `--build-arg`.', zh: '没有默认值：除非通过 `--build-arg` 传入，否则为空。' },
  inherits: { en: 'Takes the global default from line', zh: '沿用全局默认值，来自第' },
  inheritedEnv: { en: 'Inherited from the base stage', zh: '继承自基础阶段' },
  undeclared: { en: 'Not declared by this Dockerfile in scope here: unless the base image sets it (as images do for `PATH` or `HOME`), it expands to an empty string or to the `${NAME:-default}` fallback.', zh: '此处作用域内本 Dockerfile 未声明它：除非基础镜像设置了它（镜像通常会设置 `PATH`、`HOME` 等），否则会展开为空字符串或 `${NAME:-default}` 中的默认值。' },
  globalHidden: { en: 'A global ARG with this name exists (line {line}), but a stage only sees it after `ARG {name}`.', zh: '存在同名的全局 ARG（第 {line} 行），但阶段内必须先写 `ARG {name}` 才能使用它。' },
  platformHidden: { en: 'BuildKit sets it in the global scope; inside a stage declare `ARG {name}` first.', zh: 'BuildKit 只在全局作用域中设置它；在阶段内需先声明 `ARG {name}`。' },
  proxyAvailable: { en: 'Available to RUN without a declaration.', zh: 'RUN 无需声明即可使用。' },
  modifierDefault: { en: 'If unset or empty, expands to', zh: '未设置或为空时展开为' },
  modifierDefaultUnset: { en: 'If unset, expands to', zh: '未设置时展开为' },
  modifierAlt: { en: 'If set and not empty, expands to', zh: '已设置且非空时展开为' },
  modifierAltSet: { en: 'If set, expands to', zh: '已设置时展开为' },
  modifierError: { en: 'If unset or empty, the build fails with', zh: '未设置或为空时构建失败，并提示' },
  stage: { en: 'Build stage', zh: '构建阶段' },
  stageIndex: { en: 'index', zh: '序号' },
  stageLater: { en: 'This stage is defined later in the file; BuildKit only resolves earlier stages here.', zh: '该阶段在文件后面才定义；此处 BuildKit 只会解析先前的阶段。' },
  basedOn: { en: 'Built on stage', zh: '基于阶段' },
};

const t = (key: keyof typeof text, lang: DocsLanguage): string => pick(text[key] as Localized, lang);

/** Punctuation differs between the two languages (full-width in Chinese). */
function punctuation(lang: DocsLanguage): { colon: string; stop: string; comma: string; open: string; close: string } {
  return lang === 'zh-cn'
    ? { colon: '：', stop: '。', comma: '，', open: '（', close: '）' }
    : { colon: ': ', stop: '.', comma: ', ', open: ' (', close: ')' };
}

function code(value: string): string {
  const fence = value.includes('`') ? '``' : '`';
  return `${fence}${value}${fence}`;
}

export interface VariableUse {
  name: string;
  /** `-`, `+`, `?` with or without `:`; null for `$NAME` / `${NAME}`. */
  modifier: string | null;
  colon: boolean;
  parameter: string | null;
}

/** Markdown for a variable reference or declaration name at `position`. */
export function variableHover(model: DockerfileModel, name: string, position: Position, lang: DocsLanguage, use?: VariableUse): string {
  const parts: string[] = [];
  const resolved = resolveVariableAt(model, name, position);
  const predefined = predefinedArgDocs[name];
  const stage = stageAt(model, position);
  if (resolved) {
    parts.push(declarationText(model, resolved.declaration, resolved.value, stage, lang));
  } else if (!predefined) {
    parts.push(`**$${name}**`, t('undeclared', lang));
  }
  if (!resolved && stage) {
    const global = semanticsOf(model).globalArgs.filter((d) => d.name === name).pop();
    if (global) parts.push(t('globalHidden', lang).replace('{line}', String(global.line + 1)).replace(/\{name\}/g, name));
  }
  if (use?.modifier) parts.push(modifierText(use, lang));
  if (predefined) {
    const scoped = predefined.scope === 'platform' && stage && !resolved && !isFromLine(model, position)
      ? '\n\n' + t('platformHidden', lang).replace('{name}', name)
      : predefined.scope === 'proxy' ? '\n\n' + t('proxyAvailable', lang) : '';
    parts.push(renderDoc(`${name} — ${t('predefined', lang)}`, predefined, lang) + scoped);
  }
  return parts.join('\n\n');
}

/** Markdown for the name in an `ARG NAME=…` / `ENV NAME=…` declaration. */
export function declarationHover(model: DockerfileModel, declaration: VariableDeclaration, lang: DocsLanguage): string {
  const parts = [declarationText(model, declaration, effectiveValue(declaration), declaration.stage, lang)];
  const predefined = declaration.kind === 'ARG' ? predefinedArgDocs[declaration.name] : undefined;
  if (predefined) parts.push(renderDoc(`${declaration.name} — ${t('predefined', lang)}`, predefined, lang));
  return parts.join('\n\n');
}

function isFromLine(model: DockerfileModel, position: Position): boolean {
  const stage = stageAt(model, position);
  return !!stage && stage.from.getRange().end.line >= position.line && stage.from.getRange().start.line <= position.line;
}

function declarationText(model: DockerfileModel, declaration: VariableDeclaration, value: string | null, current: Stage | undefined, lang: DocsLanguage): string {
  const kind = declaration.kind === 'ARG' ? t('arg', lang) : t('env', lang);
  const where = declaration.stage
    ? `${t('inStage', lang)} ${declaration.stage.name ? code(declaration.stage.name) : `#${declaration.stage.index}`}`
    : t('global', lang);
  const p = punctuation(lang);
  const lines = [`**$${declaration.name}** — ${kind}${p.open}${declaration.kind}${p.close}${p.comma}${where}`];
  const source = model.document.getText(declaration.instruction.getRange());
  lines.push(`${t('declaredAt', lang)} ${declaration.line + 1}${t('lineSuffix', lang)}${p.colon.trim()}\n\`\`\`dockerfile\n${firstLines(source)}\n\`\`\``);
  if (declaration.stage && current && declaration.stage !== current) lines.push(`${t('inheritedEnv', lang)} ${declaration.stage.name ? code(declaration.stage.name) : `#${declaration.stage.index}`}${p.stop}`);
  if (value !== null) {
    lines.push(`${t('value', lang)}${p.colon}${code(value)}`);
    if (declaration.value === null && declaration.inherits) lines.push(`${t('inherits', lang)} ${declaration.inherits.line + 1}${t('lineSuffix', lang)}${p.stop}`);
  } else if (declaration.kind === 'ARG') {
    lines.push(t('noValue', lang));
  }
  return lines.join('\n\n');
}

function firstLines(source: string): string {
  const lines = source.split(/\r?\n/);
  return lines.length > 6 ? [...lines.slice(0, 6), '…'].join('\n') : source;
}

function modifierText(use: VariableUse, lang: DocsLanguage): string {
  const parameter = code(use.parameter ?? '');
  const stop = punctuation(lang).stop;
  switch (use.modifier) {
    case '-': return `${t(use.colon ? 'modifierDefault' : 'modifierDefaultUnset', lang)} ${parameter}${stop}`;
    case '+': return `${t(use.colon ? 'modifierAlt' : 'modifierAltSet', lang)} ${parameter}${stop}`;
    case '?': return `${t('modifierError', lang)} ${parameter}${stop}`;
    default: return '';
  }
}

/** Markdown for a build stage: its name, index and FROM line. */
export function stageHover(model: DockerfileModel, stage: Stage, lang: DocsLanguage, referencedFrom?: Position): string {
  const p = punctuation(lang);
  const title = stage.name ? `**${t('stage', lang)} ${code(stage.name)}**${p.open}${t('stageIndex', lang)} ${stage.index}${p.close}` : `**${t('stage', lang)} #${stage.index}**`;
  const parts = [title, '```dockerfile\n' + model.document.getText(stage.from.getRange()) + '\n```'];
  if (stage.baseStage) parts.push(`${t('basedOn', lang)} ${stage.baseStage.name ? code(stage.baseStage.name) : `#${stage.baseStage.index}`}${punctuation(lang).stop}`);
  if (referencedFrom && stage.from.getRange().start.line > referencedFrom.line) parts.push(t('stageLater', lang));
  return parts.join('\n\n');
}
