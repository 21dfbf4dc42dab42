import type { Localized } from '../../common/localized';
import type { Rule, RuleMeta } from '../../common/rules';
import type { ShellCommand, ShellWord } from '../shell';
import type { DockerfileRuleSubject } from './context';
import {
  callRange, insertAfter, invocations, isOpaqueOperand, laterInRun, layersShip, listNames, message, mountCovers, parseArgs, removes,
  reportOncePerRun, UnpinnedPerRun, writtenPlainly, type Invocation, type OptionSpec,
} from './shellKit';

/**
 * Rule builders shared by the package-manager families (yum/dnf/microdnf, zypper, apk…): the checks
 * are the same shape — a non-interactive switch, a cache clean-up, version pins — with different words.
 */

export interface ManagerSpec {
  programs: ReadonlySet<string>;
  options: OptionSpec;
  /** Subcommands an invocation must use to be checked; aliases included (`in` for zypper install). */
  subcommands: ReadonlySet<string>;
  /** Some subcommands only act with a second word (`dnf module install`). */
  secondWord?: Record<string, ReadonlySet<string>>;
}

function matchingInvocations(model: DockerfileRuleSubject['model'], spec: ManagerSpec): Invocation[] {
  const found: Invocation[] = [];
  for (const inv of invocations(model, spec.programs, spec.subcommands, spec.options)) {
    const second = spec.secondWord?.[inv.subcommand!.text];
    if (second && !(inv.operands[0] && second.has(inv.operands[0].text))) continue;
    found.push(inv);
  }
  return found;
}

export function missingYesRule(meta: RuleMeta, spec: ManagerSpec & { yes: string[]; fixFlag: string }, words: (inv: Invocation) => Localized): Rule<DockerfileRuleSubject> {
  return {
    meta,
    check({ model }, report) {
      reportOncePerRun(matchingInvocations(model, spec), report, (inv, found) => {
        if (inv.parsed.has(...spec.yes)) return;
        const sub = inv.subcommand!;
        found({
          range: callRange(model, inv),
          message: words(inv),
          fixes: writtenPlainly(model, sub)
            ? [{ title: message(`Add ${spec.fixFlag}`, `添加 ${spec.fixFlag}`), edits: [insertAfter(model, sub, ` ${spec.fixFlag}`)], safe: true }]
            : undefined,
        });
      });
    },
  };
}

export interface CleanupSpec extends ManagerSpec {
  /** True for a command that empties the cache the `installer` filled (`yum clean all`, `rm -rf /var/cache/yum`). */
  cleans: (command: ShellCommand, installer: ShellCommand) => boolean;
  /** Cache directories: a cache/tmpfs mount over any of them makes the clean-up unnecessary. */
  cacheDirs: string[];
}

export function cleanupRule(meta: RuleMeta, spec: CleanupSpec, words: (inv: Invocation) => Localized): Rule<DockerfileRuleSubject> {
  return {
    meta,
    check({ model }, report) {
      reportOncePerRun(matchingInvocations(model, spec), report, (inv, found) => {
        if (!layersShip(inv.run) || spec.cacheDirs.some((dir) => mountCovers(inv.run, dir))) return;
        if (laterInRun(inv, (command) => spec.cleans(command, inv.command))) return;
        found({ range: callRange(model, inv), message: words(inv) });
      });
    },
  };
}

/**
 * `<program> clean all`-style clean-up by the program that installed (`microdnf clean all` does not
 * empty dnf's cache), or `rm` of a cache directory.
 */
export function cleansWith(programs: ReadonlySet<string>, words: string[][], cacheDirs: string[], options: OptionSpec = {}): (command: ShellCommand, installer: ShellCommand) => boolean {
  return (command, installer) => {
    if (removes(command, cacheDirs)) return true;
    if (!programs.has(command.name) || command.name !== installer.name) return false;
    const positionals = parseArgs(command.args, options).positionals;
    return words.some((seq) => seq.every((w, k) => positionals[k]?.text === w));
  };
}

export function unpinnedRule(meta: RuleMeta, spec: ManagerSpec & { isPinned: (word: ShellWord) => boolean; skip?: (word: ShellWord) => boolean }, words: (names: string) => Localized): Rule<DockerfileRuleSubject> {
  return {
    meta,
    check({ model }, report) {
      const perRun = new UnpinnedPerRun<Invocation>();
      for (const inv of matchingInvocations(model, spec)) {
        const operands = spec.secondWord?.[inv.subcommand!.text] ? inv.operands.slice(1) : inv.operands;
        perRun.add(inv, operands.filter((w) => !isOpaqueOperand(w) && !spec.isPinned(w) && !(spec.skip?.(w) ?? false)));
      }
      for (const { first, words: unpinned } of perRun.entries()) report({ range: callRange(model, first), message: words(listNames(unpinned)) });
    },
  };
}
