/**
 * A structural validator for the part of SARIF 2.1.0 that `--format sarif` emits, transcribed by
 * hand from the OASIS schema (sarif-schema-2.1.0.json): for each object type its required
 * properties, the type of every property we use, enums, minimums, and — as in the schema —
 * `additionalProperties: false` everywhere except property bags. The official schema is not
 * available offline, so this is the check; it also verifies ruleIndex and artifact index links.
 */

type Check = (value: unknown, path: string, errors: string[]) => void;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function string(): Check {
  return (v, p, e) => { if (typeof v !== 'string') e.push(`${p}: expected a string`); };
}
function uri(): Check {
  return (v, p, e) => {
    if (typeof v !== 'string') e.push(`${p}: expected a URI string`);
    else if (/\s/.test(v) || v === '') e.push(`${p}: "${v}" is not a URI reference`);
  };
}
function integer(min: number): Check {
  return (v, p, e) => { if (!Number.isInteger(v) || (v as number) < min) e.push(`${p}: expected an integer ≥ ${min}`); };
}
function boolean(): Check {
  return (v, p, e) => { if (typeof v !== 'boolean') e.push(`${p}: expected a boolean`); };
}
function oneOf(...values: string[]): Check {
  return (v, p, e) => { if (!values.includes(v as string)) e.push(`${p}: "${String(v)}" is not one of ${values.join(', ')}`); };
}
function array(item: Check, options: { minItems?: number; unique?: boolean } = {}): Check {
  return (v, p, e) => {
    if (!Array.isArray(v)) return void e.push(`${p}: expected an array`);
    if (options.minItems !== undefined && v.length < options.minItems) e.push(`${p}: needs at least ${options.minItems} item(s)`);
    if (options.unique && new Set(v.map((x) => JSON.stringify(x))).size !== v.length) e.push(`${p}: items must be unique`);
    v.forEach((x, i) => item(x, `${p}[${i}]`, e));
  };
}
function object(properties: Record<string, Check>, required: string[] = [], additional?: Check | 'any'): Check {
  return (v, p, e) => {
    if (!isObj(v)) return void e.push(`${p}: expected an object`);
    for (const key of required) if (!(key in v)) e.push(`${p}: missing required "${key}"`);
    for (const [key, value] of Object.entries(v)) {
      const check = properties[key];
      if (check) check(value, `${p}.${key}`, e);
      else if (additional === 'any') continue;
      else if (additional) additional(value, `${p}.${key}`, e);
      else e.push(`${p}: property "${key}" is not allowed`);
    }
  };
}
const lazy = (f: () => Check): Check => (v, p, e) => f()(v, p, e);

const propertyBag = object({ tags: array(string(), { unique: true }) }, [], 'any');
const message = object({ text: string(), markdown: string(), id: string(), arguments: array(string()), properties: propertyBag }, []);
const multiformatMessageString = object({ text: string(), markdown: string(), properties: propertyBag }, ['text']);
const level = oneOf('none', 'note', 'warning', 'error');
const region = object({
  startLine: integer(1), startColumn: integer(1), endLine: integer(1), endColumn: integer(1),
  charOffset: integer(-1), charLength: integer(0), byteOffset: integer(-1), byteLength: integer(0),
  snippet: lazy(() => artifactContent), message, sourceLanguage: string(), properties: propertyBag,
});
const artifactContent = object({ text: string(), binary: string(), properties: propertyBag });
const artifactLocation = object({ uri: uri(), uriBaseId: string(), index: integer(-1), description: message, properties: propertyBag });
const physicalLocation = object({ artifactLocation, region, contextRegion: region, properties: propertyBag });
const location = object({ id: integer(-1), physicalLocation, message, properties: propertyBag });
const replacement = object({ deletedRegion: region, insertedContent: artifactContent, properties: propertyBag }, ['deletedRegion']);
const artifactChange = object({ artifactLocation, replacements: array(replacement, { minItems: 1 }), properties: propertyBag }, ['artifactLocation', 'replacements']);
const fix = object({ description: message, artifactChanges: array(artifactChange, { minItems: 1, unique: true }), properties: propertyBag }, ['artifactChanges']);
const result = object({
  ruleId: string(), ruleIndex: integer(-1), level, kind: oneOf('notApplicable', 'pass', 'fail', 'review', 'open', 'informational'),
  message, locations: array(location), fixes: array(fix, { unique: true }), properties: propertyBag,
}, ['message']);
const reportingConfiguration = object({ enabled: boolean(), level, rank: (v, p, e) => { if (typeof v !== 'number' || v < -1 || v > 100) e.push(`${p}: rank out of range`); }, properties: propertyBag });
const reportingDescriptor = object({
  id: string(), name: string(), shortDescription: multiformatMessageString, fullDescription: multiformatMessageString,
  help: multiformatMessageString, helpUri: uri(), defaultConfiguration: reportingConfiguration, properties: propertyBag,
}, ['id']);
const toolComponent = object({
  name: string(), version: string(), semanticVersion: string(), informationUri: uri(), organization: string(),
  rules: array(reportingDescriptor, { unique: true }), properties: propertyBag,
}, ['name']);
const notification = object({ level, message, locations: array(location), properties: propertyBag }, ['message']);
const invocation = object({ executionSuccessful: boolean(), toolExecutionNotifications: array(notification), exitCode: integer(Number.MIN_SAFE_INTEGER), properties: propertyBag }, ['executionSuccessful']);
const artifact = object({ location: artifactLocation, sourceLanguage: string(), length: integer(-1), mimeType: string(), properties: propertyBag });
const run = object({
  tool: object({ driver: toolComponent, properties: propertyBag }, ['driver']),
  originalUriBaseIds: object({}, [], artifactLocation),
  columnKind: oneOf('utf16CodeUnits', 'unicodeCodePoints'),
  artifacts: array(artifact, { unique: true }),
  results: array(result),
  invocations: array(invocation),
  properties: propertyBag,
}, ['tool']);
const log = object({ $schema: uri(), version: oneOf('2.1.0'), runs: array(run), properties: propertyBag }, ['version', 'runs']);

/** Returns the problems found (empty when the log conforms). */
export function validateSarif(value: unknown): string[] {
  const errors: string[] = [];
  log(value, '$', errors);
  if (errors.length || !isObj(value)) return errors;
  // Cross-references the schema cannot express.
  (value.runs as Record<string, unknown>[]).forEach((r, runIndex) => {
    const driver = (r.tool as { driver: { rules?: { id: string }[] } }).driver;
    const artifacts = (r.artifacts ?? []) as { location: { uri: string } }[];
    ((r.results ?? []) as Record<string, unknown>[]).forEach((res, i) => {
      const where = `$.runs[${runIndex}].results[${i}]`;
      if (res.ruleIndex !== undefined && driver.rules?.[res.ruleIndex as number]?.id !== res.ruleId) e(where, 'ruleIndex does not point at ruleId');
      for (const loc of (res.locations ?? []) as { physicalLocation?: { artifactLocation?: { uri: string; index?: number }; region?: Record<string, number> } }[]) {
        const al = loc.physicalLocation?.artifactLocation;
        if (al?.index !== undefined && artifacts[al.index]?.location.uri !== al.uri) e(where, 'artifact index does not match the uri');
        const reg = loc.physicalLocation?.region;
        if (reg && reg.endLine !== undefined && reg.endLine < reg.startLine) e(where, 'region ends before it starts');
        if (reg && reg.endLine === reg.startLine && reg.endColumn !== undefined && reg.endColumn < reg.startColumn) e(where, 'region ends before it starts');
      }
    });
    const base = (r.originalUriBaseIds as Record<string, { uri: string }> | undefined)?.['%SRCROOT%'];
    if (base && !base.uri.endsWith('/')) e(`$.runs[${runIndex}].originalUriBaseIds`, 'a base URI must end with "/"');
  });
  return errors;
  function e(where: string, text: string): void {
    errors.push(`${where}: ${text}`);
  }
}
