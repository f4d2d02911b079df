import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ofacXmlImporter } from '../../db/import/ofac-xml';
import { importFile } from '../../db/import/run';
import { openDb } from '../../db/open';
import { generatedAddress } from '../chains/generators';
import {
  assertImportsAnything,
  fileContents,
  importAgain,
  importFixture,
  refusedImport,
  rowCount,
  writeFile,
} from '../helpers/import-check';

const SDN_XML = importFixture('ofac', 'sdn.xml');

const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '-', '\n', 'é', '&amp;', '&lt;'), maxLength: 10 });

const element = (name: string, value: string | null) => (value === null ? '' : `<${name}>${value}</${name}>`);

/** An <id>: mostly a digital currency address, of its chain or under another ticker, sometimes not an address. */
const idElement = fc
  .record({
    generated: generatedAddress,
    ticker: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, fc.constantFrom('XBT', 'ETH', 'USDT', 'SOL', '')),
    kind: fc.constantFrom('Digital Currency Address - ', 'Digital Currency Address - ', 'Passport'),
    number: fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, fc.constant(null), text),
  })
  .map(({ generated, ticker, kind, number }) => {
    const own = generated.chain === 'BTC' ? 'XBT' : generated.chain;
    const type = kind === 'Passport' ? kind : `${kind}${ticker ?? own}`;
    return `<id>${element('idType', type)}${element('idNumber', number === undefined ? generated.address : number)}</id>`;
  });

/** An sdn.xml of a few entries, in either namespace. */
const sdnXml = fc
  .record({
    ns: fc.constantFrom(
      'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML',
      'http://tempuri.org/sdnList.xsd',
    ),
    entries: fc.array(
      fc.record({
        uid: fc.oneof({ weight: 5, arbitrary: fc.nat().map(String) }, text, fc.constant(null)),
        firstName: fc.option(text),
        lastName: fc.oneof({ weight: 5, arbitrary: fc.constant('LAZARUS GROUP') }, text, fc.constant(null)),
        programs: fc.array(fc.constantFrom('CYBER2', 'DPRK3'), { maxLength: 2 }),
        ids: fc.array(idElement, { maxLength: 4 }),
      }),
      { maxLength: 5 },
    ),
  })
  .map(({ ns, entries }) => {
    const body = entries.map(
      (e) =>
        `  <sdnEntry>\n    ${element('uid', e.uid)}${element('firstName', e.firstName)}${element('lastName', e.lastName)}\n` +
        `    <programList>${e.programs.map((p) => element('program', p)).join('')}</programList>\n` +
        `    <idList>\n${e.ids.map((i) => `      ${i}\n`).join('')}    </idList>\n  </sdnEntry>\n`,
    );
    return `<?xml version="1.0" standalone="yes"?>\n<sdnList xmlns="${ns}">\n${body.join('')}</sdnList>\n`;
  });

const refusal = (file: string) => refusedImport(file, { format: 'ofac-xml' });

describe('OFAC SDN XML import', () => {
  it('tags every digital currency address, and reports each refused one at the line of its <id>', async () => {
    const { db } = openDb(':memory:');
    const report = await importFile(db, SDN_XML);
    // Lazarus 5 (the sixth id is no address); DOE 3, one without idNumber; the entry without a name 1;
    // Northwind 2, one too short for Monero.
    expect(report).toMatchObject({ format: 'ofac-xml', read: 11, inserted: 8, duplicates: 0, rejected: 3 });
    expect(report.errors).toEqual([
      { file: SDN_XML, line: 85, reason: 'no address after Digital Currency Address - ETH' },
      { file: SDN_XML, line: 103, reason: 'the SDN entry has no name' },
      {
        file: SDN_XML,
        line: 118,
        reason:
          'wrong length (64 characters, expected 95 or 106): 5be5543ff73456ab9f2d207887e2af87322c651ea1a873c5b25b7ffae456c320',
      },
    ]);
    expect(report.warnings).toEqual([]);
    const tags = db
      .prepare(
        `SELECT t.chain, a.address, t.label, t.confidence, t.abuse, t.context
           FROM tags t JOIN addresses a ON a.id = t.address_id ORDER BY t.id`,
      )
      .all();
    expect(tags).toHaveLength(8);
    expect(tags[4]).toEqual({
      chain: 'BTC',
      address: '3F2sZ4jbhvDKQdGbHYPC6ZxFXEau2m5Lqj',
      label: 'LAZARUS GROUP',
      confidence: 'authority_data',
      abuse: 'sanction',
      context: '{"ofac_uid":"23254","sdn_type":"Entity","programs":["DPRK3","CYBER2"]}',
    });
    // firstName and lastName make the name as the CSV writes it; CDATA is text like any other.
    expect(tags[6]).toMatchObject({
      chain: 'XRP',
      address: 'rnXyVQzgxZe7TR1EPzTkGj2jxH4LMJYh66',
      label: 'DOE, Jonathan',
    });
    expect(db.prepare('SELECT format, title, lastmod FROM import_sources').get()).toEqual({
      format: 'ofac-xml',
      title: 'OFAC Specially Designated Nationals list',
      lastmod: '2024-03-01',
    });
  });

  it('adds nothing when imported again', async () => {
    const { db } = openDb(':memory:');
    await importFile(db, SDN_XML);
    await importAgain(db, SDN_XML, { read: 11, inserted: 0, duplicates: 8, rejected: 3 });
    expect(rowCount(db, 'import_sources')).toBe(1);
  });

  it('reads the older tempuri.org list, with entities decoded', async () => {
    const { db } = openDb(':memory:');
    const file = importFixture('ofac', 'sdn-legacy.xml');
    expect(await importFile(db, file)).toMatchObject({ format: 'ofac-xml', read: 1, inserted: 1, rejected: 0 });
    expect(db.prepare('SELECT label FROM tags').pluck().get()).toBe('SOUTHGATE MIXING & EXCHANGE');
    expect(db.prepare('SELECT lastmod FROM import_sources').pluck().get()).toBe('2018-11-28');
  });

  it('refuses XML that is not well-formed at the line where it breaks, keeping nothing', async () => {
    const broken = importFixture('ofac', 'sdn-broken.xml');
    expect(await refusal(broken)).toMatchObject({ line: 10, reason: 'not valid XML: Unexpected close tag' });
    const unclosed = writeFile('sdn.xml', '<sdnList>\n<sdnEntry><uid>1</uid>\n');
    expect(await refusal(unclosed)).toMatchObject({ reason: expect.stringMatching(/^not valid XML: Unclosed root/) });
    const entity = writeFile('sdn.xml', '<sdnList>\n\n<sdnEntry><lastName>&bogus;</lastName></sdnEntry></sdnList>');
    expect(await refusal(entity)).toMatchObject({ line: 3, reason: 'not valid XML: Invalid character entity' });
  });

  it('refuses XML that is not an SDN list', async () => {
    expect(await refusal(writeFile('a.xml', '<?xml version="1.0"?>\n<rss><channel/></rss>\n'))).toMatchObject({
      line: 2,
      reason: 'not an OFAC SDN list: the root element is <rss>',
    });
    expect(await refusal(writeFile('a.xml', ''))).toMatchObject({
      line: 1,
      reason: 'not an OFAC SDN list: there is no sdnList element',
    });
  });

  it('warns about an unknown namespace and still reads the list', async () => {
    const file = writeFile(
      'sdn.xml',
      '<sdnList xmlns="urn:example">\n<sdnEntry><uid>5</uid><lastName>X</lastName><idList>\n' +
        '<id><idType>Digital Currency Address - ETH</idType><idNumber>0x098B716B8Aaf21512996dC57EB0615e2383E2f96</idNumber></id>\n' +
        '</idList></sdnEntry></sdnList>',
    );
    const { db } = openDb(':memory:');
    const report = await importFile(db, file, { format: 'ofac-xml' });
    expect(report).toMatchObject({ read: 1, inserted: 1 });
    expect(report.warnings).toEqual([{ file, line: 1, reason: 'unknown namespace urn:example' }]);
  });

  it('is detected by its sdnList root', () => {
    expect(
      ofacXmlImporter.detect('.xml', '<?xml version="1.0"?>\n<sdnList xmlns="http://tempuri.org/sdnList.xsd">'),
    ).toBe(true);
    expect(ofacXmlImporter.detect('.xml', '<rss>')).toBe(false);
    expect(ofacXmlImporter.detect('.csv', '<sdnList>')).toBe(false);
  });

  it('ends any file in a report or a refusal that leaves the workspace unchanged (property)', async () => {
    const { db } = openDb(':memory:');
    const pieces = [
      '<sdnEntry>',
      '</sdnEntry>',
      '<id>',
      '</id>',
      '<idType>Digital Currency Address - XBT</idType>',
      '<idNumber>12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h</idNumber>',
      '<![CDATA[',
      ']]>',
      '&amp;',
      '&bogus;',
      '<!-- c -->',
      '<!DOCTYPE sdnList [<!ENTITY x "y">]>',
      '\n',
      '<',
      '"',
    ];
    await assertImportsAnything(db, fileContents(sdnXml, pieces), 'sdn.xml', { format: 'ofac-xml' }, 200);
  });
});
