/**
 * GraphSense's confidence taxonomy: each id with its level (0–100). The ids and levels are what TagPacks
 * refer to; the labels and descriptions are ours.
 */
export const CONFIDENCE_LEVELS: readonly { id: string; label: string; level: number; description: string }[] = [
  {
    id: 'override',
    label: 'Manual cluster tag',
    level: 100,
    description: 'Stands for the whole cluster, overriding other tags',
  },
  { id: 'ownership', label: 'Proven ownership', level: 100, description: 'The tag creator holds the private key' },
  {
    id: 'ledger_immanent',
    label: 'Read from the ledger',
    level: 100,
    description: 'Extracted directly from ledger data',
  },
  {
    id: 'manual_transaction',
    label: 'Trusted transaction',
    level: 90,
    description: 'The creator moved funds between known services',
  },
  { id: 'service_api', label: 'Service API', level: 70, description: 'From a trusted service provider’s API' },
  {
    id: 'forensic_investigation',
    label: 'Forensic investigation',
    level: 70,
    description: 'Found in a forensic investigation',
  },
  {
    id: 'authority_data',
    label: 'Authority data',
    level: 60,
    description: 'Published by a public authority (e.g. OFAC)',
  },
  { id: 'trusted_provider', label: 'Trusted data provider', level: 50, description: 'From a trusted third party' },
  { id: 'service_data', label: 'Service data', level: 50, description: 'Received from a known service' },
  { id: 'forensic', label: 'Forensic report', level: 50, description: 'From a report of some standing (e.g. a paper)' },
  {
    id: 'untrusted_transaction',
    label: 'Untrusted transaction',
    level: 40,
    description: 'A third party moved funds between services',
  },
  { id: 'web_crawl', label: 'Web crawl', level: 20, description: 'Crawled from the web or a data dump' },
  { id: 'heuristic', label: 'Heuristic', level: 10, description: 'Best effort; reliability hard to quantify' },
  { id: 'unknown', label: 'Unknown', level: 5, description: 'Source and reliability unknown' },
];

/** What a tag without a confidence gets, with a warning. */
export const DEFAULT_CONFIDENCE = 'unknown';
