import type { ApiError } from '../api/errors';

/**
 * The sentences an estimate carries to the user (why a figure is local, what went wrong). The
 * background passes them in the user's language; the command line keeps these English defaults.
 */
export interface EstimateWording {
  noKey: string;
  noVoice: string;
  tooLong(maxCharacters: number): string;
  error(error: ApiError): string;
}

export const ENGLISH_WORDING: EstimateWording = {
  noKey: 'No API key: approximate local estimate.',
  noVoice: 'No voice chosen: approximate local estimate.',
  tooLong: (max) => `Text longer than ${max.toLocaleString('en')} characters: approximate local estimate.`,
  error: (error) => error.message,
};
