// The YAML accessors are shared with the Compose language: they live in common/yamlNodes.ts.
export * from '../common/yamlNodes';
