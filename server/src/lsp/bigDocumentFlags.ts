import { defaultYoungGenerationFlag, noOptimizingCompilerFlag, optimizingCompilerFlag, setRuntimeFlag, smallYoungGenerationFlag, startFlagOf } from '../bootFlags';

/**
 * Open documents from this size up (and a workspace walk big enough for the index worker) get V8's
 * usual young generation and its optimizing compiler.
 * boot.ts keeps the young generation at 1 MB semi-spaces, which saves 25–40 MB over a session of
 * ordinary files, and holds the optimizing compiler back, which saves 8–10 MB (bootFlags.ts). But a
 * check of a very big file (a 50,000-line manifest, a 5,000-line Dockerfile) makes far more
 * short-lived objects than 1 MB holds (the collections that follow cost it 15–30% more time per
 * edit and completion p95 several times over) and runs long enough for optimized code to pay
 * (baseline code re-checked the 5,000-line Dockerfile in twice the time). V8 reads both flags
 * while it runs: the growth factor each time it considers growing the semi-spaces, the compiler
 * switch each time a function gets hot (docs/performance.md). A walk of 10,000 manifests took 6.5 s
 * instead of 3.6 without the optimizing compiler.
 */
export const bigDocumentChars = 128 * 1024;

type SetFlag = (flag: string) => void;

/** Beside the documents' URIs: a running walk of the index worker. */
const workerWalk = 'workspace walk in the index worker';

/** A flag pair this module switches: what a big document wants, and what boot.ts set. */
interface Switch {
  big: string;
  ordinary: string;
}

/** The switches boot.ts set its ordinary value for (a launcher's own choice is left alone). */
function switchesBootSet(): Switch[] {
  const all: Switch[] = [
    { big: defaultYoungGenerationFlag, ordinary: smallYoungGenerationFlag },
    { big: optimizingCompilerFlag, ordinary: noOptimizingCompilerFlag },
  ];
  return all.filter((s) => startFlagOf(s.ordinary) === s.ordinary);
}

/**
 * Sets the big-document flags while a big document is open or the index worker walks, and the
 * start's values again once neither is (V8 then shrinks the semi-spaces on its own as allocation slows; code already optimized stays
 * until V8 drops it).
 */
export class BigDocumentFlags {
  private readonly big = new Set<string>();
  private on = false;

  constructor(
    private readonly switches: readonly Switch[] = switchesBootSet(),
    private readonly setFlag: SetFlag = setRuntimeFlag,
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

  /** A workspace walk that uses the index worker starts (true) or ends (false). */
  noteWorkerWalk(running: boolean): void {
    if (running) this.big.add(workerWalk);
    else this.big.delete(workerWalk);
    this.apply();
  }

  /** Whether the big-document flags are set now (for tests and the log). */
  get active(): boolean {
    return this.on;
  }

  private apply(): void {
    const wanted = this.big.size > 0;
    if (wanted === this.on || this.switches.length === 0) return;
    for (const s of this.switches) {
      try {
        this.setFlag(wanted ? s.big : s.ordinary);
      } catch {
        // An engine without the flag keeps whatever it has.
      }
    }
    this.on = wanted;
  }
}
