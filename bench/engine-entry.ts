// Entry for the bench's in-process measurements: the engine alone, bundled and minified like dist/server.js.
export { languageServices } from '../server/src/services';
export { normalizeSettings } from '../server/src/common/settings';
export { noWorkspaceFiles } from '../server/src/common/service';
export { TextDocument } from 'vscode-languageserver-textdocument';
