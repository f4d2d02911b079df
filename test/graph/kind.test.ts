import { expect, it } from 'vitest';
import { nodeKind } from '../../db/graph/kind';

it.each([
  ['victim', ['exchange'], 'victim'],
  [null, ['victim'], 'victim'],
  ['actor', ['mixing_service'], 'actor'],
  [null, ['perpetrator'], 'actor'],
  ['service', ['exchange', 'defi_bridge'], 'exchange'],
  [null, ['coinjoin'], 'mixer'],
  [null, ['mixing'], 'mixer'],
  [null, ['defi_bridge'], 'bridge'],
  [null, ['gambling'], 'service'],
  ['service', [], 'service'],
  [null, ['service_hack'], 'unknown'],
  ['unknown', [], 'unknown'],
] as const)('an entity of kind %s with concepts %j is drawn as %s', (entityKind, concepts, kind) => {
  expect(nodeKind(entityKind, concepts)).toBe(kind);
});
