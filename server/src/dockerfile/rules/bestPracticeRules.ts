import type { Rule } from '../../common/rules';
import { apkNoCache, apkUnpinned } from './apk';
import {
  aptGetInstallRecommends, aptGetInstallWithoutUpdate, aptGetMissingYes, aptGetUnpinned, aptInsteadOfAptGet, aptKeyDeprecated, aptListsNotCleaned,
} from './apt';
import { cdInsteadOfWorkdir, chmodWorldWritable, noSudo, pipeWithoutPipefail, rmRoot, shellViaSymlink, uselessCommand, useraddHighUid } from './commands';
import type { DockerfileRuleSubject } from './context';
import { addInsteadOfCopy, chownAfterCopy, copyArchiveThenExtract, copyEntireFilesystem, copyRelativeWithoutWorkdir, credentialsCopied } from './copyAdd';
import { curlAndWget, curlPipeShell, verificationDisabled, wgetProgress } from './downloads';
import { imageLatestTag, imageUntagged, lastUserRoot, untrustedRegistry, userNonNumeric } from './images';
import {
  cmdShellFormWithExecEntrypoint, consecutiveRun, debianFrontendEnv, entrypointShellFormIgnoresCmd, mkdirBeforeWorkdir,
} from './instructionFlow';
import { gemUnpinned, goInstallUnpinned } from './languageTools';
import { npmInstallInsteadOfCi, npmUnpinned, yarnCacheNotCleaned } from './nodePackages';
import { pipNoCacheDir, pipUnpinned } from './pip';
import { dnfCleanMissing, dnfMissingYes, dnfUnpinned, yumCleanMissing, yumMissingYes, yumUnpinned } from './rpm';
import { zypperCleanMissing, zypperDistUpgrade, zypperMissingYes, zypperUnpinned } from './zypper';

/** The best-practice and security rules (issue #4 part B): hadolint's DL3xxx/DL4xxx class and more. */
export const bestPracticeRules: readonly Rule<DockerfileRuleSubject>[] = [
  // base image and user
  imageUntagged, imageLatestTag, untrustedRegistry, lastUserRoot, userNonNumeric,
  // instructions working together
  addInsteadOfCopy, copyArchiveThenExtract, copyRelativeWithoutWorkdir, chownAfterCopy, credentialsCopied, copyEntireFilesystem,
  consecutiveRun, mkdirBeforeWorkdir, debianFrontendEnv, entrypointShellFormIgnoresCmd, cmdShellFormWithExecEntrypoint,
  // shell commands
  cdInsteadOfWorkdir, noSudo, uselessCommand, rmRoot, chmodWorldWritable, useraddHighUid, pipeWithoutPipefail, shellViaSymlink,
  curlAndWget, wgetProgress, curlPipeShell, verificationDisabled,
  // package managers
  aptGetMissingYes, aptGetInstallRecommends, aptListsNotCleaned, aptGetUnpinned, aptInsteadOfAptGet, aptGetInstallWithoutUpdate, aptKeyDeprecated,
  apkNoCache, apkUnpinned,
  yumMissingYes, yumCleanMissing, yumUnpinned, dnfMissingYes, dnfCleanMissing, dnfUnpinned,
  zypperMissingYes, zypperCleanMissing, zypperUnpinned, zypperDistUpgrade,
  pipNoCacheDir, pipUnpinned, npmUnpinned, npmInstallInsteadOfCi, yarnCacheNotCleaned, gemUnpinned, goInstallUnpinned,
];
