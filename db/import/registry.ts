/** Every import format, in the order detection tries them. */
import { actorpackImporter } from './actorpack';
import { addressListImporter } from './address-list';
import { esploraJsonImporter } from './esplora-json';
import { etherscanCsvImporter } from './etherscan-csv';
import { incidentsCsvImporter } from './incidents-csv';
import type { FormatImporter } from './formats';
import { ofacCsvImporter } from './ofac-csv';
import { ofacXmlImporter } from './ofac-xml';
import { pricesImporter } from './prices';
import { tagpackImporter } from './tagpack';
import { transfersCsvImporter } from './transfers-csv';

export const IMPORTERS: readonly FormatImporter[] = [
  tagpackImporter,
  actorpackImporter,
  transfersCsvImporter,
  etherscanCsvImporter,
  esploraJsonImporter,
  ofacCsvImporter,
  ofacXmlImporter,
  pricesImporter,
  // Before address lists, which take any CSV with an address column.
  incidentsCsvImporter,
  addressListImporter,
];

export const IMPORT_FORMATS: readonly string[] = IMPORTERS.map((i) => i.format);

export function findImporter(format: string): FormatImporter | undefined {
  return IMPORTERS.find((i) => i.format === format);
}
