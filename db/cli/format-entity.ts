import type { EntityDetails } from '../api/contract';
import { printable } from './format';

export function formatEntity(e: EntityDetails): string {
  const list = (values: string[]) => (values.length > 0 ? values.map(printable).join(', ') : '—');
  const origin = e.origin
    ? `${printable(e.origin.file)} (SHA-256 ${e.origin.sha256}, imported ${e.origin.importedAt})`
    : 'made in the app';
  const rows: [string, string][] = [
    ['ID', String(e.id)],
    ['Key', printable(e.key ?? '—')],
    ['Label', printable(e.label)],
    ['Kind', e.kind],
    ['Jurisdictions', list(e.jurisdictions)],
    ['Aliases', list(e.aliases)],
    ['Categories', list(e.categories)],
    ['URI', printable(e.uri ?? '—')],
    ['Origin', origin],
    ['Tags', String(e.tags)],
    ['Incidents', `${e.incidents.asVictim} as victim, ${e.incidents.asActor} as actor`],
    ['Created', e.createdAt ?? '—'],
    ['Updated', e.updatedAt ?? '—'],
    ['Description', printable(e.description || '—')],
  ];
  return rows.map(([k, v]) => `${`${k}:`.padEnd(15)}${v}`).join('\n');
}
