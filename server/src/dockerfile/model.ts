import { DockerfileParser, type Dockerfile, type Instruction } from 'dockerfile-ast';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';
import { installFastRangeCreate } from '../common/fastRangeCreate';
import { parseDockerfileText } from './incrementalParse';
import { installArgumentsCache } from './parserCache';
import { installFastPropertyValue } from './propertyValue';

installArgumentsCache();
installFastRangeCreate();
installFastPropertyValue();

/** A Dockerfile parsed once per document version; features read it, never re-parse. */
export interface DockerfileModel {
  readonly document: TextDocument;
  readonly ast: Dockerfile;
}

export function parseDockerfile(document: TextDocument): DockerfileModel {
  return { document, ast: DockerfileParser.parse(document.getText()) };
}

/**
 * The same model, re-parsing only what changed since the last version parsed for the document's URI
 * (incrementalParse.ts): for the versions of an open document. Texts made up for one check (a stage
 * checked alone, a preview of fixes) use parseDockerfile.
 */
export function parseDockerfileVersion(document: TextDocument): DockerfileModel {
  return { document, ast: parseDockerfileText(document.uri, document.getText()) };
}

/** The instruction whose range (including continuation lines) holds the position. */
export function instructionAt(model: DockerfileModel, position: Position): Instruction | undefined {
  return model.ast.getInstructions().find((instruction) => rangeContains(instruction.getRange(), position));
}

export function rangeContains(range: { start: Position; end: Position }, position: Position): boolean {
  if (position.line < range.start.line || position.line > range.end.line) return false;
  if (position.line === range.start.line && position.character < range.start.character) return false;
  if (position.line === range.end.line && position.character > range.end.character) return false;
  return true;
}
