import type { Position } from 'vscode-languageserver-types';
import { yamlPathAt, type YamlCursorPath } from '../common/yamlCursor';
import { documentAtOffset, type ManifestDocument, type ManifestFile } from './model';

export { formatPath } from '../common/yamlCursor';

/** Where the cursor is in a manifest (common/yamlCursor.ts reads the lines; see YamlCursorPath). */
export type CursorPath = YamlCursorPath<ManifestDocument>;

/** The schema path at a position; text before the first `---` document belongs to it. */
export function pathAt(file: ManifestFile, position: Position): CursorPath | undefined {
  return yamlPathAt(file, position, (offset) => documentAtOffset(file, offset) ?? file.documents[0]);
}
