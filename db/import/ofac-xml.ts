/**
 * OFAC's SDN list as XML (sdn.xml, in the Sanctions List Service namespace or the older tempuri.org one):
 * <sdnList> holds <publshInformation> and one <sdnEntry> per entry, with <uid>, <firstName>, <lastName>,
 * <sdnType>, <programList><program>…, and <idList><id><idType>Digital Currency Address - XBT</idType>
 * <idNumber>1…</idNumber></id>. Read with a streaming parser, one entry in memory at a time; a record's line is
 * the line of its <id>. A file that is not well-formed XML is refused at the line where it breaks.
 */
import fs from 'node:fs';
import { parser as saxParser, type QualifiedTag, type Tag } from 'sax';
import type { FormatImporter } from './formats';
import { describeSdnSource, sdnTagWriter, type SdnEntry } from './ofac';
import { ImportFileError } from './report';

const NAMESPACES = new Set([
  'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML',
  'http://tempuri.org/sdnList.xsd',
]);

const ID_TYPE = /^Digital Currency Address - (\S*)$/;

/** Longer than any name or address OFAC writes: a hostile file must not grow one text without bound. */
const MAX_TEXT = 1000;

/** The elements whose text is kept, by parent and name. */
const CAPTURED = new Set([
  'sdnEntry/uid',
  'sdnEntry/firstName',
  'sdnEntry/lastName',
  'sdnEntry/sdnType',
  'programList/program',
  'id/idType',
  'id/idNumber',
  'publshInformation/Publish_Date',
]);

interface IdElement {
  line: number;
  type: string | null;
  number: string | null;
}

interface EntryElement {
  uid: string | null;
  firstName: string | null;
  lastName: string | null;
  sdnType: string | null;
  programs: string[];
  ids: IdElement[];
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

function toEntry(element: EntryElement): SdnEntry {
  const { uid, firstName, lastName } = element;
  return {
    uid: uid !== null && /^\d+$/.test(uid) ? uid : null,
    // As the CSV writes names, so that both files make the same tags.
    name: lastName === null ? null : firstName === null ? lastName : `${lastName}, ${firstName}`,
    type: element.sdnType,
    programs: element.programs,
  };
}

/** OFAC writes MM/DD/YYYY. */
function isoDate(text: string | null): string | null {
  const m = text === null ? null : /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  return m ? `${m[3]}-${m[1]}-${m[2]}` : text;
}

export const ofacXmlImporter: FormatImporter = {
  format: 'ofac-xml',
  description: 'OFAC SDN list, XML (sdn.xml): digital currency addresses as sanction tags',
  detect: (extension, head) => extension === '.xml' && /<(\w+:)?sdnList[\s>]/.test(head),
  async run(context) {
    const { file, builder, progress } = context;
    const write = sdnTagWriter(context);
    const parser = saxParser(true, { trim: false, normalize: false, position: true });
    const stack: string[] = [];
    const finished: EntryElement[] = [];
    let entry: EntryElement | null = null;
    let id: IdElement | null = null;
    let capture: { key: string; depth: number; text: string } | null = null;
    let publishDate: string | null = null;
    let sawRoot = false;

    const line = () => parser.line + 1;
    parser.onerror = (error) => {
      throw new ImportFileError(file, line(), `not valid XML: ${error.message.split('\n')[0] ?? ''}`);
    };
    parser.onopentag = (tag: Tag | QualifiedTag) => {
      const name = localName(tag.name);
      if (!sawRoot) {
        sawRoot = true;
        if (name !== 'sdnList') {
          throw new ImportFileError(file, line(), `not an OFAC SDN list: the root element is <${tag.name}>`);
        }
        const ns = tag.attributes.xmlns;
        const uri = typeof ns === 'string' ? ns : ns?.value;
        if (uri !== undefined && !NAMESPACES.has(uri)) builder.warn(line(), `unknown namespace ${uri.slice(0, 200)}`);
      }
      const parent = stack.at(-1);
      stack.push(name);
      if (name === 'sdnEntry' && parent === 'sdnList') {
        entry = { uid: null, firstName: null, lastName: null, sdnType: null, programs: [], ids: [] };
      } else if (name === 'id' && parent === 'idList' && entry !== null) {
        id = { line: line(), type: null, number: null };
      }
      const key = `${parent ?? ''}/${name}`;
      if (CAPTURED.has(key)) capture = { key, depth: stack.length, text: '' };
    };
    const onText = (text: string) => {
      if (capture !== null && capture.text.length < MAX_TEXT) capture.text += text.slice(0, MAX_TEXT);
    };
    parser.ontext = onText;
    parser.oncdata = onText;
    parser.onclosetag = () => {
      if (capture !== null && capture.depth === stack.length) {
        const text = capture.text.trim() || null;
        switch (capture.key) {
          case 'publshInformation/Publish_Date':
            publishDate = text;
            break;
          case 'sdnEntry/uid':
            if (entry) entry.uid = text;
            break;
          case 'sdnEntry/firstName':
            if (entry) entry.firstName = text;
            break;
          case 'sdnEntry/lastName':
            if (entry) entry.lastName = text;
            break;
          case 'sdnEntry/sdnType':
            if (entry) entry.sdnType = text;
            break;
          case 'programList/program':
            if (entry && text !== null) entry.programs.push(text);
            break;
          case 'id/idType':
            if (id) id.type = text;
            break;
          case 'id/idNumber':
            if (id) id.number = text;
            break;
        }
        capture = null;
      }
      const name = stack.pop();
      if (name === 'id' && id !== null && entry !== null) {
        entry.ids.push(id);
        id = null;
      } else if (name === 'sdnEntry' && entry !== null && stack.length === 1) {
        finished.push(entry);
        entry = null;
      }
    };

    // The parser calls back synchronously within write(); entries are written between chunks.
    const flush = () => {
      for (const element of finished.splice(0)) {
        const sdn = toEntry(element);
        for (const { line, type, number } of element.ids) {
          const m = type === null ? null : ID_TYPE.exec(type);
          if (m) write(sdn, { line, ticker: m[1] ?? '', address: number ?? '' });
        }
      }
    };
    const decoder = new TextDecoder('utf-8');
    let bytesRead = 0;
    // A chunk is parsed and written in one go: small chunks let a cancel or a call in between.
    for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 16 }) as AsyncIterable<Buffer>) {
      bytesRead += chunk.length;
      parser.write(decoder.decode(chunk, { stream: true }));
      flush();
      progress(bytesRead);
    }
    parser.write(decoder.decode());
    parser.close();
    flush();
    if (!sawRoot) throw new ImportFileError(file, 1, 'not an OFAC SDN list: there is no sdnList element');
    describeSdnSource(context, isoDate(publishDate));
  },
};
