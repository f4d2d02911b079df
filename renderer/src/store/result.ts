/** What a store action reports to the form that started it, so the form can show the failure inline. */
export type Result<T> = { ok: true; value: T } | { ok: false; message: string };

export function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return String(error);
}
