/**
 * The typed client over any transport. Free of DOM and Node, so tests can drive the store with the real
 * engine in-process as the transport.
 */
import type { ApiErrorShape, Client, Envelope, Method } from '../../../db/api/contract';

export type Transport = (method: Method, input: unknown) => Promise<Envelope<unknown>>;

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
