import { z } from 'zod';
import { handleControl } from '../api-double/control-endpoint';
import { serveDouble, type VendorDouble } from '../api-double/core';
import type { StatusFaultBody } from '../api-double/respond';
import { createState } from '../api-double/state';
import type { ApiDoubleControl, Fault, RecordedRequest } from '../api-double/types';
import { failure, findRoute, handleAudioStack, type AudioStackContext, type Charge, type EnvelopeSpelling } from './routes';

export type { Charge, EnvelopeSpelling } from './routes';

export interface AudioStackDoubleOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Keys answered as valid; default ['test-key']. `forbidden-key` (403) and `exhausted-key` (402) are always known. */
  keys?: string[];
  latencyMs?: number;
  /** Credits on the account; default 500. null: the account reports none (no creditsRemaining). */
  balance?: number | null;
  envelope?: EnvelopeSpelling;
}

export interface AudioStackDoubleControl extends ApiDoubleControl {
  setEnvelope(spelling: EnvelopeSpelling): void;
  /** false: envelopes leave creditsRemaining out. */
  setReportRemaining(report: boolean): void;
  /** Every call the double billed, in order. */
  charges(): readonly Charge[];
}

export interface AudioStackDouble {
  url: string;
  port: number;
  close(): Promise<void>;
  control: AudioStackDoubleControl;
  requests: RecordedRequest[];
}

const DEFAULT_KEYS = ['test-key'];
const DEFAULT_BALANCE = 500;

/** A 5xx from AudioStack's gateway is an HTML page (the Python SDK does not even read it). */
function htmlPage(status: number): string {
  return `<!DOCTYPE html><html><head><title>${status}</title></head><body><h1>${status} Server Error</h1><p>Please try again later.</p></body></html>`;
}

/** Faults after which the vendor had done (and billed) the work: the answer was lost or garbled on the way. */
function chargedFault(fault: Fault): boolean {
  switch (fault.kind) {
    case 'hang':
    case 'drip':
    case 'malformed':
    case 'huge':
      return true;
    case 'body':
      return (fault.status ?? 200) < 300;
    case 'status':
      return fault.status === 504; // the gateway gave up waiting: the work went on
    case 'redirect':
      return false;
  }
}

/**
 * A local AudioStack for tests, the bench and the demo: the routes ScriptMeter uses, each answer in
 * the envelope (`meta` or `metadata`), a deterministic duration model per voice, credits going down
 * by each call's price, errors as AudioStack sends them (no Retry-After; an HTML body on a 5xx; 504
 * "Endpoint request timed out"), and the Supertone double's fault machinery (hangs, malformed bodies …).
 */
export async function startAudioStackDouble(options: AudioStackDoubleOptions = {}): Promise<AudioStackDouble> {
  const keys = new Set(options.keys ?? DEFAULT_KEYS);
  const initial = { envelope: options.envelope ?? 'meta', reportRemaining: true } as const;
  const state = createState({
    latencyMs: options.latencyMs ?? 0,
    balance: options.balance === undefined ? DEFAULT_BALANCE : options.balance,
    now: () => new Date(),
  });
  let settings: { envelope: EnvelopeSpelling; reportRemaining: boolean } = { ...initial };
  const charges: Charge[] = [];

  const context = (): AudioStackContext => ({
    keys,
    balance: state.balance,
    envelope: settings.envelope,
    reportRemaining: settings.reportRemaining,
    spend(charge) {
      charges.push(charge);
      const balance = state.balance();
      if (balance !== null) state.control.setBalance(Math.round((balance - charge.credits) * 10_000) / 10_000);
    },
  });

  const control: AudioStackDoubleControl = {
    ...state.control,
    reset() {
      state.control.reset();
      settings = { ...initial };
      charges.length = 0;
    },
    setEnvelope: (spelling) => { settings = { ...settings, envelope: spelling }; },
    setReportRemaining: (report) => { settings = { ...settings, reportRemaining: report }; },
    charges: () => charges,
  };

  const vendor: VendorDouble = {
    name: 'AudioStack',
    route: (request) => handleAudioStack(request, context()),
    statusFault: (fault): StatusFaultBody => {
      // The API gateway's own timeout: its words, no envelope (the service behind never answered it).
      if (fault.status === 504) return { text: JSON.stringify({ message: 'Endpoint request timed out' }), headers: {} };
      if (fault.status >= 500) return { text: htmlPage(fault.status), headers: { 'content-type': 'text/html' } };
      return { text: JSON.stringify(failure(context(), fault.status, `HTTP ${fault.status}`, []).body), headers: {} };
    },
    chargesOnFault: (fault, request) => chargedFault(fault) && (findRoute(request)?.credits ?? 0) > 0,
    control: (method, path, body) => handleControl(state, method, path, body, {
      shape: { reset: z.boolean().optional(), envelope: z.enum(['meta', 'metadata']).optional(), reportRemaining: z.boolean().optional() },
      apply(command) {
        if (command.reset) control.reset();
        if (command.envelope) control.setEnvelope(command.envelope);
        if (command.reportRemaining !== undefined) control.setReportRemaining(command.reportRemaining);
      },
      reports: { charges: () => charges },
    }),
  };
  const served = await serveDouble(options.port ?? 0, state, vendor);
  return { ...served, control, requests: state.requests };
}
