/** '' → null (use the default), a finite non-negative number → it, anything else → undefined (refuse). */
export function parseOptionalNumber(raw: string): number | null | undefined {
  const text = raw.trim();
  if (text === '') return null;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}
