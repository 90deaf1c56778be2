import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/** One measured figure: a value, its unit, and optionally the target it is held to. */
export interface Figure {
  name: string;
  value: number;
  unit: 'ms' | 'MB' | 'kB' | 'x' | 's' | 'count' | '/s';
  /** Human-readable target, e.g. "< 20 ms" or "<= 2x floor". */
  target?: string;
  /** Whether the value meets the target (omit when there is none). */
  met?: boolean;
}

const resultsFile = path.resolve('.bench/results.jsonl');

/** Prints a titled block of figures and appends them to .bench/results.jsonl. */
export function report(title: string, figures: Figure[]): void {
  const lines = figures.map((f) => {
    const value =
      f.unit === 'x'
        ? f.value.toFixed(2)
        : f.unit === 'count'
          ? f.value.toFixed(0)
          : f.value.toFixed(f.value < 10 ? 2 : 1);
    const target = f.target ? `  target ${f.target}: ${f.met ? 'met' : 'MISSED'}` : '';
    return `  ${f.name.padEnd(48)} ${value.padStart(10)} ${f.unit}${target}`;
  });
  console.log(`\n${title}\n${lines.join('\n')}\n`);
  mkdirSync(path.dirname(resultsFile), { recursive: true });
  appendFileSync(resultsFile, JSON.stringify({ title, at: new Date().toISOString(), figures }) + '\n');
}

/** Median and 95th percentile of a list of samples. */
export function percentiles(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95) };
}

/** The renderer build the browser benches load: `out/renderer`, or another build named by BENCH_RENDERER_DIR. */
export function rendererDir(): string {
  return path.resolve(process.env.BENCH_RENDERER_DIR ?? 'out/renderer');
}
