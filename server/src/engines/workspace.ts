/**
 * The workspace index and the image graph as one unit the language server loads on first use
 * (services.ts): the Kubernetes index, the YAML and Dockerfile parsers it reads files with, and how
 * files feed the image graph. The build makes it a script of its own (scripts/server-bundles.mjs),
 * so starting the server reads none of it: the indexer first needs it after `initialize`.
 */
export { WorkspaceIndex } from '../kubernetes/workspace';
export { imageGraphOf } from '../common/imageGraph';
export { baseImagesOf } from '../dockerfile/baseImages';
export { feedImageGraph, feedsImageGraph } from '../imageGraphFeed';
