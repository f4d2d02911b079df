import { describe, expect, it } from 'vitest';
import { groupUsd } from '../../common/format';
import { percent } from '../../db/cli/format-summary';
import { cli } from '../helpers/cli';
import { world } from './world';

describe('ariadne summary', () => {
  it('--json prints the LossSummary exactly as the API gives it', async () => {
    const w = world();
    const r = await cli(['--db', w.f.file, 'summary', '--actor', 'lazarusgroup', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(w.f.engine.call('summary.get', { actor: 'lazarusgroup' }));
    const byId = await cli([
      '--db',
      w.f.file,
      'summary',
      '--actor',
      String(w.lazarus),
      '--from',
      '2018-01-26',
      '--to',
      '2022-06-24',
      '--min-confidence',
      '20',
      '--case',
      String(w.main),
      '--json',
    ]);
    const s = JSON.parse(byId.stdout);
    expect(s).toMatchObject({ from: '2018-01-26', to: '2022-06-24', minConfidence: 20, caseId: w.main });
    expect(s.total_usd).toBe('663457795.13');
  });

  it('prints readable tables per jurisdiction, per year and for cash-out, with the threshold and caveats', async () => {
    const w = world();
    const r = await cli(['--db', w.f.file, 'summary', '--actor', 'lazarusgroup']);
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toContain(
      'Loss attributed to Lazarus Group (lazarusgroup): attributions at confidence level ≥ 50, all dates, all cases.',
    );
    expect(out).toContain('Total: USD 663,456,790.43 in 7 incidents.');
    expect(out).toContain('1 incident has no USD value: counted, not in the USD figures.');
    expect(out).toContain('1 incident’s USD was typed in by the investigator (no price that day).');
    const lines = out.split('\n');
    const row = (start: string) =>
      lines
        .find((l) => l.trimStart().startsWith(start))
        ?.trim()
        .split(/\s{2,}/);
    expect(row('VN')).toEqual(['VN', 'Vietnam', '1', '540,000,000.00', '81.39%']);
    expect(row('KR')).toEqual(['KR', 'South Korea', '1', '123,456,789.12', '18.61%']);
    expect(row('JP  ')).toEqual(['JP', 'Japan', '2', '1.01', '0.00%']);
    expect(row('2018')).toEqual(['2018', '3', '1.21']);
    expect(row('JP,US')).toEqual(['JP,US', 'Japan, United States', '0.20', `DualCo 0.20 (#${w.t2})`]);
    expect(lines.find((l) => l.includes('Bitbank'))).toContain(`Bitbank 1,000.35 (#${w.t1}, #${w.t2})`);
    expect(lines.find((l) => l.includes('Kraken'))).toMatch(/0\.00\*/);
    expect(out).toContain('* incomplete: some amounts had no price and are not in USD.');
  });

  it('shows labels as text: control characters are escaped', async () => {
    const w = world();
    const evil = w.f.entity({ key: 'evil', label: 'Evil\u001b[2Jactor', kind: 'actor' });
    const r = await cli(['--db', w.f.file, 'summary', '--actor', String(evil)]);
    expect(r.stdout).toContain('Evil\\u001b[2Jactor');
    expect(r.stdout).toContain('Total: USD 0.00 in 0 incidents.');
  });

  it('refuses a missing actor, a bad level and bad dates with a clear message', async () => {
    const w = world();
    const missing = await cli(['--db', w.f.file, 'summary']);
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringContaining('summary needs --actor ID|KEY') });
    const level = await cli(['--db', w.f.file, 'summary', '--actor', 'lazarusgroup', '--min-confidence', 'high']);
    expect(level).toMatchObject({ code: 2, stderr: expect.stringContaining('--min-confidence must be a level 0-100') });
    const date = await cli(['--db', w.f.file, 'summary', '--actor', 'lazarusgroup', '--from', '2022-13-01']);
    expect(date.code).toBe(2);
    expect(date.stderr).toContain('from: must be a date YYYY-MM-DD, not "2022-13-01"');
    const victim = await cli(['--db', w.f.file, 'summary', '--actor', 'zaif']);
    expect(victim.stderr).toContain('entity "zaif" is a victim, not an actor');
  });

  it('formats figures exactly', () => {
    expect(groupUsd('1234567.89')).toBe('1,234,567.89');
    expect(groupUsd('999.00')).toBe('999.00');
    expect(groupUsd('1000.00')).toBe('1,000.00');
    expect(percent('0.8139')).toBe('81.39%');
    expect(percent('1.0000')).toBe('100.00%');
    expect(percent('0.0005')).toBe('0.05%');
  });
});
