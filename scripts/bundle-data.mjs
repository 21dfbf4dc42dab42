// What the bundles' two data plugins share (bundle-options.mjs `dataFiles`, localized-text.mjs):
// where the sources are, how a data file is written beside a bundle, and the code a bundle reads
// one with.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const sourceRoot = fileURLToPath(new URL('../server/src/', import.meta.url));

/** A source file's path under server/src, with `/` separators (`kubernetes/schema/k8s-1.36.json`). */
export function pathUnderSources(sourcePath) {
  return relative(sourceRoot, sourcePath).split(sep).join('/');
}

/**
 * JSON text with every character above U+007F escaped (in JSON they only occur in strings), so
 * reading the file makes a one-byte string: half the memory while it is parsed, and a faster read.
 */
export function escapedJson(json) {
  return json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Writes a data file. Bundles built side by side write the same files: each writes a copy and renames it over. */
export async function writeDataFile(target, text) {
  await mkdir(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, target);
}

/**
 * The code a bundle reads one of its data files with, as text: `segments` are JavaScript
 * expressions for the path's parts under the bundle's `data/` folder (`__dirname` is the bundle's).
 */
export function dataFileRead(segments) {
  return `require("node:fs").readFileSync(require("node:path").join(__dirname, "data", ${segments.join(', ')}), "utf8")`;
}
