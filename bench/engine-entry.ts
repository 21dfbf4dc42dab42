/**
 * The bench's in-process measurement: the engine alone, bundled and minified like dist/server.js,
 * run by bench/run.ts in a process of its own (`node engine.js <kind> <iterations> <warm-up>`), so
 * the numbers are the engine's and not the bench harness's (its client, buffers and heap).
 * Prints the warm-up and the measured samples (ms) as JSON.
 */
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { noProjectFacts } from '../server/src/common/service';
import { normalizeSettings } from '../server/src/common/settings';
import { languageServices } from '../server/src/services';
import { largeDockerfile, largeManifest } from './inputs';

function measure(kind: 'dockerfile' | 'yaml', iterations: number, warmUp: number): { warmUp: number[]; samples: number[] } {
  const text = kind === 'dockerfile' ? largeDockerfile(1000) : largeManifest(60);
  const service = languageServices[kind];
  const ctx = { lang: 'en' as const, settings: normalizeSettings(undefined), project: noProjectFacts };
  const samples: number[] = [];
  const warmUpSamples: number[] = [];
  for (let i = 0; i < iterations + warmUp; i++) {
    // A new document each time (a new URI too): every run is a full parse and check from scratch.
    const document = TextDocument.create(`file:///bench/${i}`, kind, i, text);
    const started = performance.now();
    service.diagnose?.(service.parse(document), ctx);
    (i >= warmUp ? samples : warmUpSamples).push(performance.now() - started);
  }
  return { warmUp: warmUpSamples, samples };
}

const [kind, iterations, warmUp] = process.argv.slice(2);
if (kind === 'dockerfile' || kind === 'yaml') process.stdout.write(JSON.stringify(measure(kind, Number(iterations), Number(warmUp))));
