/**
 * OFAC's SDN list as CSV (sdn.csv). There is no header; each record has twelve fields: ent_num, SDN_Name,
 * SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks, with "-0- "
 * for an empty value. Digital currency addresses sit in Remarks, one per `Digital Currency Address - XBT 1…;`
 * item (`alt. Digital Currency Address - …` too). The file ends with a DOS end-of-file character (Ctrl-Z).
 */
import { firstCsvRecord, importCsvRecords } from './csv';
import type { FormatImporter } from './formats';
import { describeSdnSource, sdnTagWriter, type SdnAddress, type SdnEntry } from './ofac';

const FIELDS = 12;

/** SDN_Type as the CSV writes it, in the XML's words: the CSV leaves an entity's type empty. */
const SDN_TYPES = new Map([
  ['-0-', 'Entity'],
  ['individual', 'Individual'],
  ['vessel', 'Vessel'],
  ['aircraft', 'Aircraft'],
]);

/** The ticker, then the address up to the item's end; an item ends at ';' (or the end of the remarks). */
const ADDRESS_ITEM = /Digital Currency Address -\s*([^\s;]*)[ \t]*([^;]*)/g;

const CTRL_Z = '\u001a';

function value(field: string | undefined): string | null {
  const t = (field ?? '').trim();
  return t === '' || t === '-0-' ? null : t;
}

/** "DPRK3] [CYBER2": the XML's program list, printed with its outer brackets cut off. */
function programsOf(field: string | undefined): string[] {
  const text = value(field);
  if (text === null) return [];
  return text
    .split(/\]\s*\[/)
    .map((p) => p.replace(/^\[|\]$/g, '').trim())
    .filter((p) => p !== '' && p !== '-0-');
}

function addressesIn(remarks: string, line: number): SdnAddress[] {
  // The last remark ends with a full stop, which no address of any chain does.
  return [...remarks.matchAll(ADDRESS_ITEM)].map((m) => ({
    line,
    ticker: m[1] ?? '',
    address: (m[2] ?? '').trim().replace(/\.$/, ''),
  }));
}

export const ofacCsvImporter: FormatImporter = {
  format: 'ofac-csv',
  description: 'OFAC SDN list, CSV (sdn.csv): digital currency addresses as sanction tags',
  detect(extension, head) {
    if (extension !== '.csv') return false;
    const first = firstCsvRecord(head);
    return (
      first !== null &&
      first.length === FIELDS &&
      /^\d+$/.test(first[0] ?? '') &&
      SDN_TYPES.has((first[2] ?? '').trim().toLowerCase())
    );
  },
  async run(context) {
    const { file, builder, progress } = context;
    const write = sdnTagWriter(context);
    describeSdnSource(context, null);
    for await (const { line, fields } of importCsvRecords(file, progress)) {
      if (fields.length === 1 && fields[0]?.trim() === CTRL_Z) continue;
      if (fields.length !== FIELDS) {
        builder.read += 1;
        builder.reject(line, `expected ${FIELDS} fields (an SDN record), found ${fields.length}`);
        continue;
      }
      const found = addressesIn(fields[11] ?? '', line);
      if (found.length === 0) continue;
      const uid = value(fields[0]);
      const entry: SdnEntry = {
        uid: uid !== null && /^\d+$/.test(uid) ? uid : null,
        name: value(fields[1]),
        type: SDN_TYPES.get((fields[2] ?? '').trim().toLowerCase()) ?? value(fields[2]),
        programs: programsOf(fields[3]),
      };
      for (const address of found) write(entry, address);
    }
  },
};
