/**
 * The base images a Dockerfile names in its FROM lines, read from the text without a full parse:
 * the workspace indexer reads many Dockerfiles only for this (to offer them for a manifest's
 * `image:`), and the language server reads an open Dockerfile again at every change. Stage names,
 * `scratch` and references built from variables are left out.
 */

/**
 * A FROM line from its start: what `/^[ \t]*from…/gim` matched at each line start. Searching for
 * the word and anchoring this at the start of its line gives the same matches; the multi-line
 * pattern tried every character of the text (about 1 ms per change of a 5,000-line file).
 */
const fromLineAt = /[ \t]*from[ \t]+(?:--\S+[ \t]+)*([^\s#]+)(?:[ \t]+as[ \t]+([^\s#]+))?/iy;

/** Where `^` matches in a multi-line pattern: after \n, \r, U+2028 and U+2029. */
function isLineTerminator(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
}

/** The FROM lines' matches in file order (a match never spans lines, so one per line at most). */
function* fromLines(text: string): Generator<RegExpExecArray> {
  const word = /from/gi;
  for (let found = word.exec(text); found; found = word.exec(text)) {
    let start = found.index;
    while (start > 0 && (text.charCodeAt(start - 1) === 0x20 || text.charCodeAt(start - 1) === 0x09)) start--;
    if (start > 0 && !isLineTerminator(text.charCodeAt(start - 1))) continue;
    fromLineAt.lastIndex = start;
    const match = fromLineAt.exec(text);
    if (match) yield match;
  }
}

export function baseImagesOf(text: string, limit = 50): string[] {
  const stages = new Set<string>();
  const images: string[] = [];
  for (const match of fromLines(text)) {
    const image = match[1];
    if (!stages.has(image.toLowerCase()) && image.toLowerCase() !== 'scratch' && !image.includes('$') && !images.includes(image)) {
      images.push(image);
      if (images.length >= limit) break;
    }
    if (match[2]) stages.add(match[2].toLowerCase());
  }
  return images;
}
