import { getCase, createCase, deleteCase, listCases, updateCase } from '../cases';
import type { Db } from '../open';
import { contract, isMethod, type Envelope, type Method, type Output, type ParsedInput } from './contract';
import { ApiError, describeZodError, toErrorShape } from './errors';

export interface EngineOptions {
  /** The clock every stored time comes from; tests fix it. */
  now?: () => Date;
}

type Handlers = { [M in Method]: (input: ParsedInput<M>) => Output<M> };

/** Parses a payload against the contract; the one place where untrusted input becomes typed. */
export function parseInput<M extends Method>(method: M, input: unknown): ParsedInput<M> {
  const result = contract[method].input.safeParse(input ?? {});
  if (!result.success) throw new ApiError('invalid_input', describeZodError(method, result.error));
  return result.data as ParsedInput<M>;
}

export function assertMethod(name: unknown): Method {
  if (!isMethod(name)) {
    const shown = typeof name === 'string' ? name.slice(0, 100) : typeof name;
    throw new ApiError('unknown_method', `unknown method: ${shown}`);
  }
  return name;
}

export interface Engine {
  /** Validates and runs one call; throws ApiError. */
  call<M extends Method>(method: M, input: unknown): Output<M>;
  /** For transports: never throws, answers with an envelope. */
  dispatch(method: unknown, input: unknown): Envelope<unknown>;
}

export function createEngine(db: Db, options: EngineOptions = {}): Engine {
  const now = () => (options.now ?? (() => new Date()))().toISOString();
  const notFound = (id: number): never => {
    throw new ApiError('not_found', `case ${id} does not exist`);
  };

  const handlers: Handlers = {
    'case.list': (input) => listCases(db, input),
    'case.get': ({ id }) => getCase(db, id) ?? notFound(id),
    'case.create': (input) => createCase(db, input, now()),
    'case.update': (input) => updateCase(db, input, now()) ?? notFound(input.id),
    'case.delete': ({ id }) => (deleteCase(db, id, now()) ? { id } : notFound(id)),
  };

  function call<M extends Method>(method: M, input: unknown): Output<M> {
    const handler = handlers[method] as (parsed: ParsedInput<M>) => Output<M>;
    return handler(parseInput(method, input));
  }

  return {
    call,
    dispatch(method, input) {
      try {
        return { ok: true, result: call(assertMethod(method), input) };
      } catch (error) {
        return { ok: false, error: toErrorShape(error) };
      }
    },
  };
}
