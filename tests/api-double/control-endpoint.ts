import { z } from 'zod';
import type { ApiResponse } from './routes';
import type { DoubleState } from './state';
import { STATUS_FAULT_CODES } from './types';

/**
 * /__control, for tests in another process (browser e2e, CLI subprocesses): the same operations as
 * `control`, as JSON. No API key needed; it is a test server on loopback.
 */

const target = { path: z.string().optional(), times: z.number().int().min(1).optional() };

const faultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('status'), status: z.literal(STATUS_FAULT_CODES), retryAfter: z.string().optional(), ...target }),
  z.object({ kind: z.literal('hang'), ...target }),
  z.object({ kind: z.literal('drip'), bytesPerSecond: z.number().positive(), ...target }),
  z.object({ kind: z.literal('malformed'), ...target }),
  z.object({ kind: z.literal('body'), status: z.number().int().min(100).max(599).optional(), body: z.unknown(), ...target }),
  z.object({ kind: z.literal('huge'), bytes: z.number().int().min(0).optional(), ...target }),
  z.object({ kind: z.literal('redirect'), location: z.string(), status: z.literal([301, 302, 307, 308]).optional(), ...target }),
]);

const usageRecordSchema = z.object({
  at: z.string(),
  voice_id: z.string(),
  voice_name: z.string(),
  model: z.string(),
  api_key: z.string(),
  minutes: z.number(),
  style: z.string().optional(),
  language: z.string().optional(),
});

const commandSchema = z.object({
  reset: z.boolean().optional(),
  clearFaults: z.boolean().optional(),
  latencyMs: z.number().min(0).optional(),
  balance: z.number().nullable().optional(),
  faults: z.array(faultSchema).optional(),
  randomFaults: z.object({ rate: z.number().min(0).max(1), kinds: z.array(faultSchema).min(1), seed: z.number(), path: z.string().optional() }).nullable().optional(),
  usage: z.array(usageRecordSchema).optional(),
  addUsage: z.array(usageRecordSchema).optional(),
});

type ControlCommand = z.infer<typeof commandSchema>;

/** Applies a POST /__control body in a fixed order: reset, clearFaults, then the setters. */
function apply(state: DoubleState, command: ControlCommand): void {
  const { control } = state;
  if (command.reset) control.reset();
  if (command.clearFaults) control.clearFaults();
  if (command.latencyMs !== undefined) control.setLatency(command.latencyMs);
  if (command.balance !== undefined) control.setBalance(command.balance);
  if (command.faults) control.addFaults(...command.faults);
  if (command.randomFaults !== undefined) control.setRandomFaults(command.randomFaults);
  if (command.usage) control.setUsage(command.usage);
  if (command.addUsage) control.addUsage(command.addUsage);
}

/** A vendor's own commands, applied after the shared ones (e.g. AudioStack's envelope spelling). */
export interface ControlExtension<S extends z.ZodRawShape> {
  shape: S;
  apply(command: z.infer<z.ZodObject<S>>): void;
  /** Extra GET /__control/<name> reports. */
  reports?: Record<string, () => unknown>;
}

export function handleControl<S extends z.ZodRawShape = Record<never, never>>(
  state: DoubleState, method: string, path: string, body: unknown, extension?: ControlExtension<S>,
): ApiResponse {
  if (method === 'GET' && path === '/__control/requests') return { status: 200, body: state.requests };
  if (method === 'GET' && path === '/__control/stats') return { status: 200, body: state.control.stats() };
  const report = method === 'GET' ? extension?.reports?.[path.replace('/__control/', '')] : undefined;
  if (report) return { status: 200, body: report() };
  if (method !== 'POST' || path !== '/__control') return { status: 404, body: { ok: false, errors: [`Cannot ${method} ${path}`] } };
  const parsed = commandSchema.extend(extension?.shape ?? {}).safeParse(body);
  if (!parsed.success) return { status: 400, body: { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) } };
  try {
    apply(state, parsed.data);
    extension?.apply(parsed.data as z.infer<z.ZodObject<S>>);
  } catch (error) {
    return { status: 400, body: { ok: false, errors: [error instanceof Error ? error.message : String(error)] } };
  }
  return { status: 200, body: { ok: true, stats: state.control.stats() } };
}
