/**
 * The base images a Dockerfile names in its FROM lines, read from the text without a full parse:
 * the workspace indexer reads many Dockerfiles only for this (to offer them for a manifest's
 * `image:`). Stage names, `scratch` and references built from variables are left out.
 */
const fromLine = /^[ \t]*from[ \t]+(?:--\S+[ \t]+)*([^\s#]+)(?:[ \t]+as[ \t]+([^\s#]+))?/gim;

export function baseImagesOf(text: string, limit = 50): string[] {
  const stages = new Set<string>();
  const images: string[] = [];
  for (const match of text.matchAll(fromLine)) {
    const image = match[1];
    if (!stages.has(image.toLowerCase()) && image.toLowerCase() !== 'scratch' && !image.includes('$') && !images.includes(image)) {
      images.push(image);
      if (images.length >= limit) break;
    }
    if (match[2]) stages.add(match[2].toLowerCase());
  }
  return images;
}
