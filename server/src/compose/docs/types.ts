import type { Localized } from '../../common/localized';

/**
 * Which tool reads a key: `docker compose` runs an application on one machine (单机), `docker stack
 * deploy` runs the same file on a Swarm cluster (多机). Most keys mean the same to both.
 * - `swarm-only`: `docker compose up` ignores it; `docker stack deploy` uses it.
 * - `compose-only`: `docker stack deploy` ignores it (or refuses it); `docker compose` uses it.
 */
export type Audience = 'swarm-only' | 'compose-only';

/** The docs of one key of a Compose file, in our own words (Markdown, both languages). */
export interface KeyDoc extends Localized {
  audience?: Audience;
}

export type KeyDocs = Record<string, KeyDoc>;
