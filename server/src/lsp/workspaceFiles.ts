import { readFileSync, statSync } from 'node:fs';
import type { WorkspaceFiles } from '../common/service';

/** Config files we read are small; anything bigger than this is not one of them. */
const maxConfigFileBytes = 1024 * 1024;

/** Reads workspace files for the engine (ignore files, linter configs). Never throws. */
export const diskWorkspaceFiles: WorkspaceFiles = {
  readText(absolutePath) {
    try {
      const stats = statSync(absolutePath);
      if (!stats.isFile() || stats.size > maxConfigFileBytes) return undefined;
      return readFileSync(absolutePath, 'utf8');
    } catch {
      return undefined;
    }
  },
};
