import { STATUS_CODES } from 'node:http';

/** The vendor's error envelope (BadRequestErrorResponse and its siblings). */
export interface VendorError {
  status: 'error';
  message: { message: string; error: string; status_code: number };
}

export function vendorError(status: number, message: string): VendorError {
  return { status: 'error', message: { message, error: STATUS_CODES[status] ?? 'Error', status_code: status } };
}

const DEFAULT_MESSAGES: Readonly<Record<number, string>> = {
  401: 'Invalid API Key',
  402: 'Not Enough Credits',
  403: 'Permission denied',
  404: 'Not found',
  408: 'Request timed out',
  429: 'rate limit exceeded',
};

export function defaultVendorError(status: number): VendorError {
  return vendorError(status, DEFAULT_MESSAGES[status] ?? STATUS_CODES[status] ?? 'Error');
}
