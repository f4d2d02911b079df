/**
 * The typed client over any transport. Free of DOM and Node, so tests can drive the store with the real
 * engine in-process as the transport.
 */
import type { ApiErrorShape, Client, Envelope, JobClient, JobName, Method } from '../../../db/api/contract';

export type Transport = (method: Method, input: unknown) => Promise<Envelope<unknown>>;

/** Runs a job to its end: progress through the callback, the result or error as an envelope. */
export type JobTransport = (
  name: JobName,
  input: unknown,
  options: { onProgress?: (progress: unknown) => void; signal?: AbortSignal },
) => Promise<Envelope<unknown>>;

export class ClientError extends Error {
  readonly code: ApiErrorShape['code'];
  constructor(error: ApiErrorShape) {
    super(error.message);
    this.name = 'ClientError';
    this.code = error.code;
  }
}

/** A typed client: `api['case.create']({ title })` resolves with the case or rejects with a ClientError. */
export function createClient(transport: Transport): Client {
  return new Proxy({} as Client, {
    get(_target, method: string) {
      return async (input: unknown) => {
        const envelope = await transport(method as Method, input);
        if (!envelope.ok) throw new ClientError(envelope.error);
        return envelope.result;
      };
    },
  });
}

/** A typed job client: `jobs['import.files']({ files }, { onProgress, signal })`. */
export function createJobClient(transport: JobTransport): JobClient {
  return new Proxy({} as JobClient, {
    get(_target, name: string) {
      return async (input: unknown, options: { onProgress?: (p: unknown) => void; signal?: AbortSignal } = {}) => {
        const envelope = await transport(name as JobName, input, options);
        if (!envelope.ok) throw new ClientError(envelope.error);
        return envelope.result;
      };
    },
  });
}
