/**
 * Generators for the importer property tests: valid TagPacks and ActorPacks (as specs and as YAML text), and
 * hostile inputs (random bytes, random text, YAML-ish fragments, valid packs with mutations).
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { encodeBase58Check } from '../../db/chains/base58';
import { toChecksumAddress } from '../../db/chains/evm';
import { hex } from '../../db/chains/text';
import { CONFIDENCE_LEVELS } from '../../db/reference/confidence';
import { COUNTRIES } from '../../db/reference/countries';

export const CONFIDENCES = CONFIDENCE_LEVELS.map((c) => c.id);

const bytes = (n: number) => fc.uint8Array({ minLength: n, maxLength: n });

/** A Bitcoin P2PKH address: base58check of version 0 and a 20-byte hash. */
export const btcAddress = bytes(20).map((h) => encodeBase58Check(Uint8Array.from([0x00, ...h])));
/** An EVM address as many packs write it: single-case, so without a checksum to check. */
export const evmAddress = bytes(20).map((b) => `0x${hex(b)}`);

export type Currency = 'BTC' | 'ETH' | 'USDT';

/** What a tag is about, as written in the pack and as the workspace stores it. */
export interface Subject {
  kind: 'address' | 'tx_hash';
  /** Where a tag with this subject lives: BTC subjects need currency BTC, EVM ones ETH or USDT. */
  family: 'BTC' | 'EVM';
  written: string;
  stored: string;
}

export const subject: fc.Arbitrary<Subject> = fc.oneof(
  { weight: 4, arbitrary: btcAddress.map((a): Subject => ({ kind: 'address', family: 'BTC', written: a, stored: a })) },
  {
    weight: 4,
    arbitrary: evmAddress.map((a): Subject => ({
      kind: 'address',
      family: 'EVM',
      written: a,
      stored: toChecksumAddress(a.slice(2)),
    })),
  },
  {
    weight: 1,
    arbitrary: bytes(32).map((b): Subject => ({ kind: 'tx_hash', family: 'BTC', written: hex(b), stored: hex(b) })),
  },
  {
    weight: 1,
    arbitrary: bytes(32).map((b): Subject => ({
      kind: 'tx_hash',
      family: 'EVM',
      written: `0x${hex(b)}`,
      stored: `0x${hex(b)}`,
    })),
  },
);

/** Text that survives the importer's trimming unchanged: printable, no surrounding whitespace. */
export const plainText = fc
  .string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 24 })
  .map((s) => s.trim())
  .filter((s) => s.length > 0);

/** Pieces that YAML treats specially somewhere: indicators, comments, escapes, line breaks, look-alike values. */
const TRICKY = [
  ' ',
  '  ',
  ':',
  ': ',
  ' #',
  '#',
  "'",
  '"',
  '\\',
  '- ',
  '? ',
  '&a',
  '*a',
  '!x',
  '!!str',
  '%',
  '@',
  '`',
  '|',
  '>',
  '{',
  '}',
  '[',
  ']',
  ',',
  '---',
  '...',
  '\n',
  '\n#',
  '\n  ',
  '\n- ',
  '\r\n',
  '\r',
  '\t',
  '\u0085',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\u00a0',
  '\u200b',
  '\u0000',
  '\u0007',
  '\u001b',
  '\u007f',
  'null',
  '~',
  'yes',
  'no',
  'true',
  '0x1f',
  '1e3',
  '.inf',
  '<<',
  '=',
  'é',
  'e\u0301',
  '中文',
  '🦀',
  'ｆｕｌｌ',
  'Лазарь',
  'a'.repeat(90),
  'word ',
];

/** Arbitrary Unicode, often built from YAML's special characters; never only whitespace. */
export const unicodeText = fc
  .oneof(
    fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
    fc
      .array(fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: 'binary-ascii', maxLength: 4 })), {
        minLength: 1,
        maxLength: 12,
      })
      .map((parts) => parts.join('')),
  )
  .filter((s) => s.trim().length > 0);

/** A tag of a valid pack; a field left undefined is inherited from the header. */
export interface TagSpec {
  subject: Subject;
  currency: Currency;
  /** Whether the tag writes its currency even when the header's is the same. */
  writeCurrency: boolean;
  label?: string;
  source?: string;
  confidence?: string;
  category?: string;
  actor?: string;
}

export interface HeaderSpec {
  title: string;
  creator: string;
  currency: Currency;
  label?: string;
  source?: string;
  confidence?: string;
  category?: string;
  actor?: string;
}

export interface PackSpec {
  header: HeaderSpec;
  tags: TagSpec[];
}

// A token named by its ticker is placed by its address's format; a transaction hash has none, so a USDT tag
// on a transaction would need its network spelled out.
const currencyFor = (s: Subject): fc.Arbitrary<Currency> =>
  s.family === 'BTC'
    ? fc.constant('BTC')
    : s.kind === 'tx_hash'
      ? fc.constant('ETH')
      : fc.constantFrom<Currency>('ETH', 'USDT');

/** Distinct subjects, so that no two generated tags are the same claim. */
export const subjects = (minLength: number, maxLength: number, size?: fc.SizeForArbitrary) =>
  fc.uniqueArray(subject, { selector: (s) => s.stored, minLength, maxLength, size });

interface PackOptions {
  minTags?: number;
  maxTags?: number;
  /** 'max' spreads the number of tags over the whole range instead of keeping it small. */
  size?: fc.SizeForArbitrary;
  /** Text for label, source, category, actor, title and creator. */
  text?: fc.Arbitrary<string>;
}

/**
 * A valid TagPack: the header sets every inheritable field, each tag overrides any of them or none. A tag
 * whose currency differs from the header's writes its own, since its subject must fit it.
 */
export function packSpec({
  minTags = 1,
  maxTags = 30,
  size,
  text = plainText,
}: PackOptions = {}): fc.Arbitrary<PackSpec> {
  const header = fc.record(
    {
      title: text,
      creator: text,
      currency: fc.constantFrom<Currency>('BTC', 'ETH', 'USDT'),
      label: text,
      source: text,
      confidence: fc.constantFrom(...CONFIDENCES),
      category: text,
      actor: text,
    },
    { requiredKeys: ['title', 'creator', 'currency', 'label', 'source'] },
  );
  const tag = (s: Subject) =>
    fc.record(
      {
        subject: fc.constant(s),
        currency: currencyFor(s),
        writeCurrency: fc.boolean(),
        label: text,
        source: text,
        confidence: fc.constantFrom(...CONFIDENCES),
        category: text,
        actor: text,
      },
      { requiredKeys: ['subject', 'currency', 'writeCurrency'] },
    );
  return fc.record({
    header,
    tags: subjects(minTags, maxTags, size).chain((ss) => fc.tuple(...ss.map(tag))),
  });
}

/** What a pack spec stores for one tag: its own value when it gives one, the header's otherwise. */
export function expectedTag(header: HeaderSpec, tag: TagSpec) {
  const chain = tag.subject.family === 'BTC' ? 'BTC' : 'ETH';
  return {
    chain,
    subject: tag.subject.stored,
    label: tag.label ?? header.label,
    source: tag.source ?? header.source,
    confidence: tag.confidence ?? header.confidence ?? 'unknown',
    category: tag.category ?? header.category ?? null,
    actor: tag.actor ?? header.actor ?? null,
    asset: tag.currency === chain ? null : tag.currency,
  };
}

/** The pack as a JS object, ready for YAML: header first, the tags list last. */
export function packObject({ header, tags }: PackSpec, lowerCaseCurrency = false): Record<string, unknown> {
  const cur = (c: Currency) => (lowerCaseCurrency ? c.toLowerCase() : c);
  return {
    ...header,
    currency: cur(header.currency),
    tags: tags.map((t) => ({
      [t.subject.kind]: t.subject.written,
      ...(t.writeCurrency || t.currency !== header.currency ? { currency: cur(t.currency) } : {}),
      ...(t.label !== undefined ? { label: t.label } : {}),
      ...(t.source !== undefined ? { source: t.source } : {}),
      ...(t.confidence !== undefined ? { confidence: t.confidence } : {}),
      ...(t.category !== undefined ? { category: t.category } : {}),
      ...(t.actor !== undefined ? { actor: t.actor } : {}),
    })),
  };
}

export function packYaml(spec: PackSpec, lowerCaseCurrency = false): string {
  return stringify(packObject(spec, lowerCaseCurrency));
}

export interface ActorSpec {
  id: string;
  label: string;
  uri?: string;
  categories: string[];
  jurisdictions: string[];
  aliases: string[];
  context?: Record<string, unknown>;
}

const ACTOR_CATEGORIES = ['exchange', 'mixer', 'hacker', 'ransomware', 'defi', 'bridge', 'sanction'];

export const actorSpecs = (text: fc.Arbitrary<string> = plainText, maxLength = 20) =>
  fc.uniqueArray(
    fc.record(
      {
        id: fc.stringMatching(/^[a-z][a-z0-9_]{0,15}$/),
        label: text,
        uri: fc.webUrl(),
        categories: fc.uniqueArray(fc.constantFrom(...ACTOR_CATEGORIES), { maxLength: 3 }),
        jurisdictions: fc.uniqueArray(fc.constantFrom(...COUNTRIES.map(([code]) => code)), { maxLength: 3 }),
        aliases: fc.uniqueArray(text, { maxLength: 3 }),
        context: fc.record({ refs: fc.array(fc.webUrl(), { maxLength: 2 }), comment: text }, { requiredKeys: [] }),
      },
      { requiredKeys: ['id', 'label', 'categories', 'jurisdictions', 'aliases'] },
    ),
    { selector: (a) => a.id, minLength: 1, maxLength },
  );

/**
 * An ActorPack as GraphSense writes it, YAML 1.1, or as YAML 1.2. The yaml package writes the same text for
 * both, so only 1.2 keeps U+0085, U+2028 and U+2029 in plain scalars: 1.1 reads them as line breaks.
 */
export function actorPackYaml(actors: ActorSpec[], version: '1.1' | '1.2' = '1.1'): string {
  const text = stringify({ title: 'Actors', creator: 'test', actors });
  return version === '1.1' ? `%YAML 1.1\n---\n${text}` : text;
}

// ---------------------------------------------------------------------------------------------------------
// Hostile input.

/** Lines that YAML, the pack splitter or the validators treat specially. */
const FRAGMENTS = [
  'tags:',
  'actors:',
  '- address: ',
  '  - address: ',
  '- tx_hash: ',
  '- id: ',
  'address: ',
  'label: ',
  'source: ',
  'currency: ',
  'network: ',
  'confidence: ',
  'concepts: ',
  'is_cluster_definer: ',
  'jurisdictions: ',
  'categories: ',
  'context: ',
  'title: ',
  'creator: ',
  '  ',
  '    ',
  '\t',
  '- ',
  '-',
  ':',
  ': ',
  "'",
  '"',
  '%YAML 1.1',
  '%YAML 1.2',
  '%TAG ! tag:x,2000:',
  '---',
  '...',
  '#',
  ' # c',
  '[',
  ']',
  '{',
  '}',
  ',',
  '&a ',
  '*a',
  '<<: *a',
  '!!str ',
  '!!binary ',
  '!x ',
  '|',
  '|-',
  '>',
  '? ',
  '~',
  'null',
  'true',
  'yes',
  '12',
  'BTC',
  'ETH',
  'USDT',
  'XYZ',
  'forensic',
  'nonsense',
  'JP',
  'zz',
  '1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMH',
  '0x7e2a2fa2a064f693f0a55c5639476d913ff12d05',
  '0x7E2A2FA2a064F693F0A55C5639476D913FF12D05',
  'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4',
  'a'.repeat(64),
  '\ufeff',
  '\u0000',
  '\u0085',
  '\u2028',
  '\ufffd',
];
const BREAKS = ['\n', '\n', '\n', '\r\n', '\r'];

/** YAML-ish text: fragments, breaks and short random strings run together. */
export const yamlishText = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...FRAGMENTS) },
      { weight: 4, arbitrary: fc.constantFrom(...BREAKS) },
      { weight: 2, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 6 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
    ),
    { maxLength: 120 },
  )
  .map((parts) => parts.join(''));

/** Values that are not a plain string, or not a string at all. */
const ODD_VALUES = [
  '[a, b]',
  '[]',
  '{x: y}',
  '{}',
  '~',
  '',
  "''",
  '""',
  '123',
  'true',
  '!!binary aGk=',
  '&anchor x',
  '*anchor',
  '*nowhere',
  '|',
  '>-',
  '"unterminated',
  "'unterminated",
  '[unterminated',
  '- nested',
  '? complex',
  'a: b',
  'x #comment',
  '\t',
  '"\\0"',
  '"\\0 x"',
  '"\\u2028x"',
  '"\\x85"',
  '&r [*r]',
  '&r {k: *r}',
];

/** Keys the packs use, for mutations that hit a field rather than any line. */
const KEYS = [
  'label',
  'source',
  'currency',
  'confidence',
  'category',
  'actor',
  'address',
  'tx_hash',
  'title',
  'creator',
  'id',
  'uri',
  'aliases',
  'categories',
  'jurisdictions',
  'context',
  'concepts',
  'network',
  'is_cluster_definer',
];

/** A value that is not a plain string: an odd YAML value, or any text as a double-quoted scalar with escapes. */
const oddValue = fc.oneof(
  fc.constantFrom(...ODD_VALUES),
  fc.string({ unit: 'binary', maxLength: 8 }).map((v) => JSON.stringify(v)),
);

type Mutation = (lines: string[]) => string[];

/** The line a random number points at. */
const at = (lines: string[], i: number) => (lines.length === 0 ? 0 : i % lines.length);
/** Replaces the value of a `key: value` line (any line, if it has no value the line gets one). */
const withValue = (line: string, value: string) => line.replace(/:( .*)?$/, `: ${value}`);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // Delete, duplicate (a duplicated key), re-indent, swap, truncate.
  fc.nat().map(
    (i): Mutation =>
      (ls) =>
        ls.filter((_, j) => j !== at(ls, i)),
  ),
  fc.nat().map(
    (i): Mutation =>
      (ls) =>
        ls.flatMap((l, j) => (j === at(ls, i) ? [l, l] : [l])),
  ),
  fc.record({ i: fc.nat(), indent: fc.constantFrom('', ' ', '   ', '      ', '\t', '  \t') }).map(
    ({ i, indent }): Mutation =>
      (ls) =>
        ls.map((l, j) => (j === at(ls, i) ? indent + l.trimStart() : l)),
  ),
  fc.record({ i: fc.nat(), j: fc.nat() }).map(({ i, j }): Mutation => (ls) => {
    const out = [...ls];
    [out[at(ls, i)], out[at(ls, j)]] = [ls[at(ls, j)] ?? '', ls[at(ls, i)] ?? ''];
    return out;
  }),
  fc.nat().map(
    (i): Mutation =>
      (ls) =>
        ls.slice(0, at(ls, i)),
  ),
  // A field the importers read, given a value that is not a plain string.
  {
    weight: 4,
    arbitrary: fc
      .record({ key: fc.constantFrom(...KEYS), value: oddValue, nth: fc.nat() })
      .map(({ key, value, nth }): Mutation => (ls) => {
        const pattern = new RegExp(`^\\s*(- )?${key}:`);
        const hits = ls.flatMap((l, j) => (pattern.test(l) ? [j] : []));
        const hit = hits[nth % Math.max(hits.length, 1)];
        return ls.map((l, j) => (j === hit ? withValue(l, value) : l));
      }),
  },
  fc.record({ i: fc.nat(), value: oddValue }).map(
    ({ i, value }): Mutation =>
      (ls) =>
        ls.map((l, j) => (j === at(ls, i) ? withValue(l, value) : l)),
  ),
  fc
    .record({ i: fc.nat(), size: fc.integer({ min: 1_000, max: 200_000 }), quoted: fc.boolean() })
    .map(({ i, size, quoted }): Mutation => {
      const huge = quoted ? `"${'x'.repeat(size)}"` : 'x'.repeat(size);
      return (ls) => ls.map((l, j) => (j === at(ls, i) ? withValue(l, huge) : l));
    }),
  fc
    .record({ i: fc.nat(), line: fc.oneof(fc.constantFrom(...FRAGMENTS), yamlishText) })
    .map(({ i, line }): Mutation => (ls) => [...ls.slice(0, at(ls, i)), line, ...ls.slice(at(ls, i))]),
);

/** A valid TagPack or ActorPack with a few random mutations, joined with LF, CRLF or lone CRs. */
export const mutatedPack = fc
  .record({
    base: fc.oneof(
      packSpec({ maxTags: 8 }).map((spec) => packYaml(spec)),
      actorSpecs(plainText, 8).map((actors) => actorPackYaml(actors)),
    ),
    mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
    eol: fc.constantFrom('\n', '\n', '\r\n', '\r'),
    bom: fc.boolean(),
  })
  .map(({ base, mutations, eol, bom }) => {
    const lines = mutations.reduce((ls, m) => m(ls), base.split('\n'));
    return (bom ? '\ufeff' : '') + lines.join(eol);
  });
