/**
 * A throw-away editor profile: a scratch workspace (a copy of a folder of fixtures/, `workspace`
 * unless told otherwise), a user-data dir whose User/settings.json holds the given settings, and an
 * empty extensions dir.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './codeServer';

/** Quiet, offline, deterministic editor defaults under every test pass and screenshot. */
export const baseSettings: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'git.enabled': false,
  'files.autoSave': 'off',
};

export interface Profile {
  root: string;
  workspace: string;
  userDataDir: string;
  extensionsDir: string;
  homeDir: string;
}

export function createProfile(name: string, settings: Record<string, unknown>, fixture = 'workspace'): Profile {
  const root = mkdtempSync(join(tmpdir(), `stevedore-editor-${name}-`));
  const profile: Profile = {
    root,
    workspace: join(root, 'workspace'),
    userDataDir: join(root, 'user-data'),
    extensionsDir: join(root, 'extensions'),
    homeDir: join(root, 'home'),
  };
  cpSync(join(repoRoot, 'test', 'editor', 'fixtures', fixture), profile.workspace, { recursive: true });
  mkdirSync(join(profile.userDataDir, 'User'), { recursive: true });
  mkdirSync(profile.extensionsDir, { recursive: true });
  writeFileSync(join(profile.userDataDir, 'User', 'settings.json'), JSON.stringify({ ...baseSettings, ...settings }, null, 2));
  return profile;
}
