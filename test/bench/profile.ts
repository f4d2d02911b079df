/**
 * `--profile DIR` for the graph bench: a CPU profile of a page while something runs (the Chrome DevTools
 * Protocol's sampling profiler), saved as DIR/NAME.cpuprofile (open it in DevTools' Performance panel) and
 * summed up on the console as the functions with the most self time.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export const PROFILE_DIR = process.argv.includes('--profile')
  ? (process.argv[process.argv.indexOf('--profile') + 1] ?? null)
  : null;

/** Self time by function (name, file and line), the largest first, in ms. */
export function selfTimes(profile: CpuProfile): { name: string; ms: number }[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i] as number);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url ? `${path.basename(url)}:${lineNumber + 1}` : ''}`.trim();
    // A sample's time is the gap to the next one.
    totals.set(key, (totals.get(key) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  }
  return [...totals.entries()].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
}

/** Runs `work` with the page's CPU profiled when --profile is given; otherwise just runs it. */
export async function profiled<T>(page: Page, name: string, work: () => Promise<T>): Promise<T> {
  if (!PROFILE_DIR) return work();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    await cdp.detach();
    fs.mkdirSync(PROFILE_DIR, { recursive: true });
    fs.writeFileSync(path.join(PROFILE_DIR, `${name}.cpuprofile`), JSON.stringify(profile));
    const total = (profile.endTime - profile.startTime) / 1000;
    console.log(`  profile ${name}: ${total.toFixed(0)} ms; most self time:`);
    for (const { name: fn, ms } of selfTimes(profile).slice(0, 25)) {
      console.log(`    ${ms.toFixed(1).padStart(8)} ms  ${fn}`);
    }
  }
}
