import Ajv, { type ErrorObject } from 'ajv-draft-04';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Checks a SARIF log against the official SARIF 2.1.0 JSON schema (the OASIS schema as published
 * on schemastore, shipped by @microsoft/jest-sarif; we read the file, not its jest matchers), then
 * against the few rules of the SARIF specification that a schema cannot express (index links).
 */
const schemaPath = join(dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');

/**
 * RFC 3986 characters: unreserved, reserved and percent-escapes. ajv does not ship formats and
 * ajv-formats is not installed, so the three formats the schema names are defined here.
 */
const uriCharacters = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;
const formats: Record<string, (value: string) => boolean> = {
  uri: (value) => /^[A-Za-z][A-Za-z0-9+.-]*:/.test(value) && uriCharacters.test(value),
  'uri-reference': (value) => uriCharacters.test(value),
  'date-time': (value) => /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value)),
};

function compileSchema() {
  const ajv = new Ajv({
    allErrors: true,
    // The schema lists `required` properties inside anyOf branches that only the parent defines.
    strictRequired: false,
    // The schema's `language` pattern (`…[a-zA-Z]{2}]?$`) is a syntax error under the `u` flag.
    unicodeRegExp: false,
  });
  for (const [name, validate] of Object.entries(formats)) ajv.addFormat(name, validate);
  return ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
}

let validateAgainstSchema: ReturnType<typeof compileSchema> | undefined;

function describeSchemaError(error: ErrorObject): string {
  const where = `$${error.instancePath}`;
  const allowed = error.keyword === 'enum' ? ` (${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')})` : '';
  const extra = error.keyword === 'additionalProperties' ? ` "${(error.params as { additionalProperty: string }).additionalProperty}"` : '';
  return `${where}: ${error.message}${allowed}${extra}`;
}

interface Region {
  startLine?: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
}

function endsBeforeStart({ startLine, startColumn, endLine, endColumn }: Region): boolean {
  if (startLine === undefined || endLine === undefined) return false;
  return endLine < startLine || (endLine === startLine && startColumn !== undefined && endColumn !== undefined && endColumn < startColumn);
}

/** Rules of the specification beyond the schema: indexes must point at the entry they name. */
function crossReferenceProblems(log: { runs: Record<string, unknown>[] }): string[] {
  const problems: string[] = [];
  log.runs.forEach((run, runIndex) => {
    const driver = (run.tool as { driver: { rules?: { id: string }[] } }).driver;
    const artifacts = (run.artifacts ?? []) as { location?: { uri?: string } }[];
    ((run.results ?? []) as Record<string, unknown>[]).forEach((result, i) => {
      const where = `$/runs/${runIndex}/results/${i}`;
      // ruleIndex locates the rule whose id is ruleId.
      if (result.ruleIndex !== undefined && driver.rules?.[result.ruleIndex as number]?.id !== result.ruleId) problems.push(`${where}: ruleIndex does not point at ruleId`);
      for (const location of (result.locations ?? []) as { physicalLocation?: { artifactLocation?: { uri?: string; index?: number }; region?: Region } }[]) {
        const artifactLocation = location.physicalLocation?.artifactLocation;
        // An artifactLocation with an index names the same artifact as run.artifacts[index].
        if (artifactLocation?.index !== undefined && artifacts[artifactLocation.index]?.location?.uri !== artifactLocation.uri) problems.push(`${where}: artifact index does not match the uri`);
        const region = location.physicalLocation?.region;
        if (region && endsBeforeStart(region)) problems.push(`${where}: region ends before it starts`);
      }
    });
    // The URI of an originalUriBaseIds entry ends with a slash, so relative URIs resolve below it.
    for (const [id, base] of Object.entries((run.originalUriBaseIds ?? {}) as Record<string, { uri?: string }>)) {
      if (base.uri !== undefined && !base.uri.endsWith('/')) problems.push(`$/runs/${runIndex}/originalUriBaseIds/${id}: a base URI must end with "/"`);
    }
  });
  return problems;
}

/** Returns the problems found, one line each (empty when the log conforms). */
export function validateSarif(value: unknown): string[] {
  validateAgainstSchema ??= compileSchema();
  if (!validateAgainstSchema(value)) return (validateAgainstSchema.errors ?? []).map(describeSchemaError);
  return crossReferenceProblems(value as { runs: Record<string, unknown>[] });
}
