import type { ProjectFileReader } from '../../../server/src/common/service';

/** The project's files in memory, as the fronts' reader answers: files by path, folders by prefix. */
export function memoryFiles(files: Record<string, string>): ProjectFileReader & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    readText(path) {
      reads.push(path);
      return Object.prototype.hasOwnProperty.call(files, path) ? files[path] : undefined;
    },
    kindOf(path) {
      if (Object.prototype.hasOwnProperty.call(files, path)) return 'file';
      const prefix = path.endsWith('/') ? path : `${path}/`;
      return Object.keys(files).some((name) => name.startsWith(prefix)) ? 'directory' : 'missing';
    },
  };
}
