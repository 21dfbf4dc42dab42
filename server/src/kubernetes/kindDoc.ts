import type { Localized } from '../common/localized';

/** What hover and completion say about a kind. */
export interface KindDoc {
  /** The apiVersion that serves the kind today (the preferred one when several do). */
  apiVersion: string;
  /** What it is for and which controller acts on it. Our own words. */
  summary: Localized;
  /** Rough popularity in real manifests: completion lists the common kinds first. */
  common?: boolean;
  /** Kept only for compatibility: why, and what to write instead (shown in hover and completion). */
  deprecated?: Localized;
  /** The kind to use instead (`apps/v1 Deployment`). */
  replacement?: string;
}
