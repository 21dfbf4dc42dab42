import { setFlagsFromString } from 'node:v8';
import { defaultYoungGenerationFlag, smallYoungGenerationFlag, smallYoungGenerationMark } from '../bootFlags';

/**
 * Open documents from this size up get V8's usual young generation. boot.ts keeps it at 1 MB
 * semi-spaces, which saves 25–40 MB over a session of ordinary files; but a check of a very big
 * file (a 50,000-line manifest, a 5,000-line Dockerfile) makes far more short-lived objects than
 * 1 MB holds, and the collections that follow cost it 15–30% more time per edit and completion
 * p95 several times over (docs/performance.md). V8 reads the growth factor each time it considers
 * growing the semi-spaces, so switching it while the server runs takes effect at the next growth.
 */
export const bigDocumentChars = 128 * 1024;

type SetFlag = (flag: string) => void;

/**
 * Gives the young generation room to grow while a big document is open, and takes the room back
 * (V8 shrinks the semi-spaces on its own when allocation slows) once none is. Does nothing unless
 * boot.ts made the young generation small (a launcher that sized it keeps its choice).
 */
export class YoungGenerationSizer {
  private readonly big = new Set<string>();
  private grown = false;

  constructor(
    private readonly enabled = (globalThis as Record<symbol, unknown>)[smallYoungGenerationMark] === true,
    private readonly setFlag: SetFlag = setFlagsFromString,
  ) {}

  /** A document's text length now (on open and after each change). */
  noteSize(uri: string, chars: number): void {
    if (chars >= bigDocumentChars) this.big.add(uri);
    else this.big.delete(uri);
    this.apply();
  }

  forget(uri: string): void {
    this.big.delete(uri);
    this.apply();
  }

  /** Whether the young generation may grow now (for tests and the log). */
  get roomy(): boolean {
    return this.grown;
  }

  private apply(): void {
    if (!this.enabled) return;
    const wanted = this.big.size > 0;
    if (wanted === this.grown) return;
    try {
      this.setFlag(wanted ? defaultYoungGenerationFlag : smallYoungGenerationFlag);
      this.grown = wanted;
    } catch {
      // An engine without the flag keeps whatever it has.
    }
  }
}
