import type { ZodError } from 'zod';
import type { ApiErrorShape, ErrorCode } from './contract';

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toJSON(): ApiErrorShape {
    return { code: this.code, message: this.message };
  }
}

/** One line naming every offending field, e.g. `case.create: title: must not be empty`. */
export function describeZodError(method: string, error: ZodError): string {
  const parts = error.issues.map((issue) => {
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return `${where}${issue.message}`;
  });
  return `${method}: ${parts.join('; ')}`;
}

export function toErrorShape(error: unknown): ApiErrorShape {
  if (error instanceof ApiError) return error.toJSON();
  if (error instanceof Error && error.name === 'WorkspaceError') return { code: 'workspace', message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message };
}
