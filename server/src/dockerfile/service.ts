import type { LanguageService } from '../common/service';
import { dockerfileCodeActions } from './codeActions';
import { completeDockerfile } from './completion';
import { diagnoseDockerfile } from './diagnostics';
import { hoverDockerfile } from './hover';
import { signatureHelpDockerfile } from './signature';
import { summarizeDockerfile } from './summary';
import { parseDockerfileVersion, type DockerfileModel } from './model';
import { dockerfileFolding } from './folding';
import { formatDockerfile, formatDockerfileOnType, formatDockerfileRange } from './format';
import { dockerfileLinks } from './links';
import { dockerfileDefinition, dockerfileHighlights, dockerfilePrepareRename, dockerfileReferences, dockerfileRename } from './navigation';
import { dockerfileSymbols } from './symbols';
import { dockerfileSemanticTokens } from './tokens';

/** The Dockerfile language service: each feature lives in its own module. */
export const dockerfileService: LanguageService<DockerfileModel> = {
  parse: parseDockerfileVersion,
  hover: hoverDockerfile,
  complete: completeDockerfile,
  signatureHelp: signatureHelpDockerfile,
  diagnose: diagnoseDockerfile,
  codeActions: dockerfileCodeActions,
  symbols: dockerfileSymbols,
  folding: dockerfileFolding,
  definition: dockerfileDefinition,
  references: dockerfileReferences,
  highlights: dockerfileHighlights,
  prepareRename: dockerfilePrepareRename,
  rename: dockerfileRename,
  links: dockerfileLinks,
  semanticTokens: dockerfileSemanticTokens,
  format: formatDockerfile,
  formatRange: formatDockerfileRange,
  formatOnType: formatDockerfileOnType,
  summary: summarizeDockerfile,
};
