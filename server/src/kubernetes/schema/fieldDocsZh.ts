/**
 * Our own Simplified Chinese descriptions of the most used fields, keyed by `Definition.field`
 * (the definition that declares the field, so `V1Container.image` serves every container of every
 * workload). `*.field` applies to the field in any definition (apiVersion, kind, metadata…).
 * Fields missing here fall back to the API's English text.
 *
 * The text is data (field-docs-zh.json), read the first time a Chinese hover or completion asks:
 * a bundle reads it from its data folder (scripts/bundle-options.mjs), so an English session never
 * holds it, and the engine's script does not carry it (120 KB as `\uXXXX` escapes; issue #19).
 */

import { bundledData } from '../../common/bundledData';

/**
 * An ephemeral container (`kubectl debug`) is a container with fewer guarantees: its fields mean
 * what the same fields of a container mean, so it borrows their text rather than a second copy.
 */
function withEphemeralContainerFields(docs: Record<string, string>): Record<string, string> {
  for (const [key, text] of Object.entries(docs)) {
    if (!key.startsWith('V1Container.')) continue;
    const twin = `V1EphemeralContainer.${key.slice('V1Container.'.length)}`;
    docs[twin] ??= text;
  }
  return docs;
}

let table: Readonly<Record<string, string>> | undefined;

/** The Chinese field docs by `Definition.field` (and `*.field`), read on first use. */
export function fieldDocsZh(): Readonly<Record<string, string>> {
  if (!table) {
    // Copied: the ephemeral containers' entries are added to it, and in the sources `require` gives
    // the module's own object.
    table = withEphemeralContainerFields({ ...bundledData<Record<string, string>>(require('./field-docs-zh.json')) });
  }
  return table;
}
