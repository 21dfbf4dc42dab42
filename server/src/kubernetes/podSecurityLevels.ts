import type { StevedoreSettings } from '../common/settings';
import type { WorkspaceView } from './workspace';

/**
 * Which Pod Security Standards level applies to an object, and for which Kubernetes release.
 * A Namespace of the workspace labelled `pod-security.kubernetes.io/enforce` decides for the
 * objects that name it (the API server will reject what breaks it); otherwise the setting
 * `stevedore.kubernetes.podSecurity` does (`off` by default).
 */

export const podSecurityLevels = ['off', 'baseline', 'restricted'] as const;
export type PodSecuritySetting = (typeof podSecurityLevels)[number];
export type PodSecurityLevel = Exclude<PodSecuritySetting, 'off'>;

export interface PodSecurityTarget {
  level: PodSecurityLevel;
  /** Minor version of the policy (`enforce-version`, else the target Kubernetes release). */
  minor: number;
  /** The Namespace that enforces the level, when it comes from one. */
  namespace?: string;
}

const enforceLabel = 'pod-security.kubernetes.io/enforce';
const enforceVersionLabel = 'pod-security.kubernetes.io/enforce-version';
/** The newest policy version we know the controls of. */
export const newestPolicyMinor = 36;

export function podSecuritySetting(settings: StevedoreSettings): PodSecuritySetting {
  const value = (settings.kubernetes as { podSecurity?: unknown }).podSecurity;
  return (podSecurityLevels as readonly unknown[]).includes(value) ? (value as PodSecuritySetting) : 'off';
}

function minorOf(version: unknown): number | undefined {
  if (typeof version !== 'string') return undefined;
  if (version === 'latest') return newestPolicyMinor;
  const match = /^v?1\.(\d+)/.exec(version.trim());
  return match ? Math.min(Number(match[1]), newestPolicyMinor) : undefined;
}

export function podSecurityTarget(settings: StevedoreSettings, view: WorkspaceView, namespace: string | undefined): PodSecurityTarget | undefined {
  const targetMinor = minorOf((settings.kubernetes as { version?: unknown }).version) ?? newestPolicyMinor;
  if (namespace) {
    const ns = view.ofKind('Namespace').find((o) => o.name === namespace && o.apiVersion === 'v1' && o.labels[enforceLabel] !== undefined);
    const label = ns?.labels[enforceLabel];
    if (label === 'privileged') return undefined;
    if (label === 'baseline' || label === 'restricted') {
      return { level: label, minor: minorOf(ns!.labels[enforceVersionLabel]) ?? targetMinor, namespace };
    }
  }
  const setting = podSecuritySetting(settings);
  return setting === 'off' ? undefined : { level: setting, minor: targetMinor };
}
