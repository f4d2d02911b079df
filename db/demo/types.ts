/**
 * What the demo build reports, as the contract gives it. Like contract.ts, this file must stay free of Node
 * imports: the renderer type-checks against it.
 */

export const DEMO_STEPS = [
  'Writing the demo files',
  'Importing actors',
  'Importing Lazarus Group wallets',
  'Importing service addresses',
  'Importing prices',
  'Importing Ethereum transfers',
  'Importing Bitcoin transactions',
  'Creating the case and its incidents',
  'Tracing the incidents',
] as const;

export interface DemoProgress {
  step: (typeof DEMO_STEPS)[number];
  /** 1-based position of the step among `steps`. */
  index: number;
  steps: number;
  /** Within the step, when it can tell: records, bytes or traces. */
  done: number | null;
  total: number | null;
}

export interface DemoResult {
  caseId: number;
  lazarusId: number;
  scale: number;
  counts: {
    entities: number;
    tags: number;
    prices: number;
    ethTransfers: number;
    btcTransactions: number;
    incidents: number;
    traces: number;
  };
  seconds: number;
}
