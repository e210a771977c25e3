/**
 * Main-thread attribution for the benchmarks: a Chromium trace of one page (CDP Tracing with the
 * sampling profiler), cut into the renderer main thread's tasks, each with the milliseconds of
 * extension script inside it. Lets a long task be blamed on the extension or on the page.
 */
import type { CDPSession, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { name?: string; data?: { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] } };
}
interface ProfileNode { id: number; parent?: number; callFrame: { url?: string; functionName: string } }

export interface MainTask {
  /** Start, in ms on the trace clock. */
  start: number;
  ms: number;
  /** Extension script sampled inside this task. */
  extensionMs: number;
}

const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-v8.cpu_profiler'];

export async function startTrace(page: Page): Promise<() => Promise<MainTask[]>> {
  const session: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await session.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES, excludedCategories: ['*'] }, transferMode: 'ReportEvents' });
  // The sampling profiler starts (~100 ms) on the first script run after tracing starts: let it start
  // on ours, not inside the first listener of the measured action.
  await page.evaluate(() => 0);
  await page.waitForTimeout(200);
  return async () => {
    const done = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
    await session.send('Tracing.end');
    await done;
    await session.detach();
    return mainTasks(events, await page.evaluate(() => location.href));
  };
}

/** The page's renderer main thread: the trace names the process of each frame when it starts. */
function mainThread(events: TraceEvent[], url: string): { pid: number; tid: number } {
  const started = events.find((e) => e.name === 'TracingStartedInBrowser');
  const frames = (started?.args?.data as { frames?: Array<{ url?: string; processId?: number }> } | undefined)?.frames ?? [];
  const pid = frames.find((frame) => frame.url === url)?.processId;
  const thread = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === pid);
  if (!thread) throw new Error(`The trace has no renderer main thread for ${url}.`);
  return { pid: thread.pid, tid: thread.tid };
}

function mainTasks(events: TraceEvent[], url: string): MainTask[] {
  const main = mainThread(events, url);
  const tasks: MainTask[] = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.name === 'RunTask' && e.ph === 'X')
    .map((e) => ({ start: e.ts / 1000, ms: (e.dur ?? 0) / 1000, extensionMs: 0 }))
    .sort((a, b) => a.start - b.start);
  // Sampling profiler: ProfileChunk events carry nodes, samples and time deltas for one profile id.
  const nodes = new Map<number, ProfileNode>();
  const samples: Array<{ node: number; at: number }> = [];
  const starts = new Map<string, number>();
  for (const e of events.filter((x) => x.pid === main.pid && (x.name === 'Profile' || x.name === 'ProfileChunk'))) {
    if (e.name === 'Profile') { starts.set(e.id ?? '', (e.args?.data as { startTime?: number } | undefined)?.startTime ?? e.ts); continue; }
    const data = e.args?.data;
    for (const node of data?.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    let at = starts.get(e.id ?? '') ?? e.ts;
    (data?.cpuProfile?.samples ?? []).forEach((node, i) => {
      at += data?.timeDeltas?.[i] ?? 0;
      samples.push({ node, at: at / 1000 });
    });
    if (e.id) starts.set(e.id, at);
  }
  const isExtension = (id: number): boolean => {
    for (let node = nodes.get(id); node; node = node.parent === undefined ? undefined : nodes.get(node.parent)) {
      if ((node.callFrame.url ?? '').startsWith('chrome-extension://')) return true;
    }
    return false;
  };
  samples.sort((a, b) => a.at - b.at);
  // Listeners and timers the extension runs are FunctionCall events naming its script: their whole
  // duration counts, native work included (the sampler often cannot walk through native frames).
  const calls = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.name === 'FunctionCall'
    && ((e.args?.data as { url?: string } | undefined)?.url ?? '').startsWith('chrome-extension://'));
  const callMs = new Map<MainTask, number>();
  for (const call of calls) {
    const task = tasks.find((candidate) => candidate.start <= call.ts / 1000 && call.ts / 1000 < candidate.start + candidate.ms);
    if (task) callMs.set(task, (callMs.get(task) ?? 0) + (call.dur ?? 0) / 1000);
  }
  let t = 0;
  for (let i = 0; i < samples.length; i++) {
    const sample = samples[i]!;
    const next = samples[i + 1]?.at ?? sample.at;
    while (t < tasks.length && tasks[t]!.start + tasks[t]!.ms < sample.at) t++;
    const task = tasks[t];
    if (task && task.start <= sample.at && isExtension(sample.node)) task.extensionMs += Math.min(next - sample.at, 5);
  }
  // Promise continuations have no FunctionCall: for them only the samples tell.
  for (const [task, ms] of callMs) task.extensionMs = Math.max(task.extensionMs, ms);
  return tasks;
}
