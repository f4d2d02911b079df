import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { EntityDetails, EntityRow, Incident, Input } from '../../../db/api/contract';
import { Dialog } from '../components/Dialog';
import { FormField } from '../components/FormField';
import { useApp } from '../store/context';
import { messageOf } from '../store/result';
import { NewVictimFields } from './NewVictimFields';

interface Values {
  title: string;
  victimId: string;
  jurisdiction: string;
  time: string;
  asset: string;
  amount: string;
  usd: string;
  source: string;
  note: string;
  txs: string;
  addresses: string;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The form asks for whole units (1.5 ETH); the contract reads a bare integer as base units, so say "1" as "1.0". */
const wholeUnits = (text: string) => (/^\d+$/.test(text.trim()) ? `${text.trim()}.0` : text.trim());

function valuesOf(i: Incident | null): Values {
  return {
    title: i?.title ?? '',
    victimId: i ? String(i.victim.id) : '',
    jurisdiction: i?.jurisdiction ?? '',
    time: i?.time ?? '',
    asset: i ? `${i.asset.chain}:${i.asset.symbol}` : '',
    amount: i ? wholeText(i.amount, i.asset.decimals) : '',
    usd: i?.usdBasis === 'typed' ? (i.usd ?? '') : '',
    source: i?.source ?? '',
    note: i?.note ?? '',
    txs: i?.txs.join('\n') ?? '',
    addresses: i?.addresses.join('\n') ?? '',
  };
}

/** Base units → whole units, exact and without grouping, as the form edits them. */
function wholeText(base: string, decimals: number): string {
  if (decimals === 0) return `${base}.0`;
  const padded = base.padStart(decimals + 1, '0');
  const fraction = padded.slice(-decimals).replace(/0+$/, '');
  return `${padded.slice(0, -decimals)}.${fraction || '0'}`;
}

/**
 * New and Edit incident. Every value is checked by the engine, which names the field it refuses; victim addresses
 * are checked line by line first so a typo is shown where it is. A USD figure is offered only where the price
 * table has none for the asset on that day (the engine values the theft itself otherwise).
 */
export function IncidentFormDialog({ caseId, target }: { caseId: number; target: Incident | null }) {
  const api = useApp((s) => s.entityApi);
  const reference = useApp((s) => s.reference);
  const create = useApp((s) => s.createIncident);
  const update = useApp((s) => s.updateIncident);
  const closeDialog = useApp((s) => s.closeDialog);
  const [current, setCurrent] = useState<Incident | null>(target);
  const [values, setValues] = useState(() => valuesOf(target));
  const [victims, setVictims] = useState<EntityRow[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [badAddresses, setBadAddresses] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [newVictim, setNewVictim] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  const id = useId();

  useEffect(() => {
    let live = true;
    api['entity.list']({ kind: 'victim', limit: 1000 }).then(
      (page) => live && setVictims(page.rows),
      (error: unknown) => live && setFailure(`The victims could not be loaded: ${messageOf(error)}`),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const set = <K extends keyof Values>(field: K, value: Values[K]) => setValues((v) => ({ ...v, [field]: value }));
  // Typed USD only where the engine found no price (or the investigator typed one before).
  const offerUsd = current !== null && current.usdBasis !== 'price';

  function victimCreated(v: EntityDetails) {
    setVictims((list) => [
      ...list,
      { id: v.id, key: v.key, label: v.label, kind: v.kind, jurisdictions: v.jurisdictions, categories: [], tags: 0 },
    ]);
    set('victimId', String(v.id));
    setNewVictim(false);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    if (values.victimId === '') {
      setFailure('Choose the victim, or create one.');
      return;
    }
    setBusy(true);
    try {
      const addresses = lines(values.addresses);
      if (addresses.length > 0) {
        const checks = await api['address.check']({ addresses });
        const bad = checks.flatMap((c, n) => (c.valid ? [] : [`line ${n + 1}: ${c.input}: ${c.reason ?? 'invalid'}`]));
        setBadAddresses(bad);
        if (bad.length > 0) return;
      }
      const fields = {
        title: values.title,
        victimId: Number(values.victimId),
        time: values.time.trim(),
        asset: values.asset.trim(),
        amount: wholeUnits(values.amount),
        source: values.source,
        note: values.note,
        txs: lines(values.txs),
        addresses,
      };
      const usd = offerUsd ? { usd: values.usd.trim() === '' ? null : values.usd.trim() } : {};
      const result = current
        ? await update({
            id: current.id,
            ...fields,
            jurisdiction: values.jurisdiction || null,
            ...usd,
          } satisfies Input<'incident.update'>)
        : await create({
            caseId,
            ...fields,
            ...(values.jurisdiction ? { jurisdiction: values.jurisdiction } : {}),
          } satisfies Input<'incident.create'>);
      if (!result.ok) {
        setFailure(`${current ? 'The changes were not saved' : 'The incident was not recorded'}: ${result.message}`);
        return;
      }
      const saved = result.value;
      if (saved.usdBasis === 'none' && !offerUsd) {
        // Saved without a value: stay open so the investigator can type the USD at the time, if they know it.
        setCurrent(saved);
        setValues(valuesOf(saved));
        setNotice(
          `Saved as incident #${saved.id}. The price table has no ${saved.asset.symbol} price for ${saved.time.slice(0, 10)}: ` +
            'type the USD value at the time of the theft if you know it, or close.',
        );
        return;
      }
      closeDialog();
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setBusy(false);
    }
  }

  const victim = victims.find((v) => String(v.id) === values.victimId);
  return (
    <Dialog
      title={current ? `Edit incident #${current.id}` : 'New incident'}
      onClose={() => !busy && closeDialog()}
      initialFocus={titleRef}
      wide
    >
      <form className="case-form incident-form" noValidate onSubmit={submit} aria-busy={busy}>
        {notice && (
          <div className="alert alert-info" role="status">
            {notice}
          </div>
        )}
        {failure && (
          <div className="alert alert-error" role="alert">
            {failure}
          </div>
        )}
        <FormField id={`${id}-title`} label="Title">
          {(props) => (
            <input
              {...props}
              ref={titleRef}
              type="text"
              value={values.title}
              maxLength={200}
              placeholder="e.g. Hot wallet drained"
              autoComplete="off"
              onChange={(e) => set('title', e.target.value)}
            />
          )}
        </FormField>
        <div className="form-row">
          <FormField id={`${id}-victim`} label="Victim" required>
            {(props) => (
              <div className="victim-picker">
                <select {...props} value={values.victimId} onChange={(e) => set('victimId', e.target.value)}>
                  <option value="">Choose a victim…</option>
                  {victims.map((v) => (
                    <option key={v.id} value={v.id}>
                      {v.label}
                      {v.jurisdictions.length > 0 ? ` (${v.jurisdictions.join(', ')})` : ''}
                    </option>
                  ))}
                </select>
                <button type="button" className="button" onClick={() => setNewVictim(!newVictim)}>
                  New victim…
                </button>
              </div>
            )}
          </FormField>
          <FormField
            id={`${id}-jurisdiction`}
            label="Jurisdiction"
            hint={victim && victim.jurisdictions.length === 1 ? `Default: ${victim.jurisdictions[0]}` : undefined}
          >
            {(props) => (
              <select {...props} value={values.jurisdiction} onChange={(e) => set('jurisdiction', e.target.value)}>
                <option value="">The victim's, when it has one</option>
                {(reference?.countries ?? []).map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name} ({c.code})
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        {newVictim && <NewVictimFields onCreated={victimCreated} onFailure={setFailure} />}
        <div className="form-row form-row-3">
          <FormField id={`${id}-time`} label="Time" required hint="ISO-8601 with a zone">
            {(props) => (
              <input
                {...props}
                type="text"
                value={values.time}
                placeholder="2022-03-23T14:28:03Z"
                autoComplete="off"
                spellCheck={false}
                onChange={(e) => set('time', e.target.value)}
              />
            )}
          </FormField>
          <FormField id={`${id}-asset`} label="Asset" required hint="ETH, USDT or ETH:USDT">
            {(props) => (
              <input
                {...props}
                type="text"
                value={values.asset}
                autoComplete="off"
                spellCheck={false}
                onChange={(e) => set('asset', e.target.value)}
              />
            )}
          </FormField>
          <FormField id={`${id}-amount`} label="Amount" required hint="In whole units, e.g. 173600.5">
            {(props) => (
              <input
                {...props}
                type="text"
                inputMode="decimal"
                value={values.amount}
                autoComplete="off"
                spellCheck={false}
                onChange={(e) => set('amount', e.target.value)}
              />
            )}
          </FormField>
        </div>
        {offerUsd && (
          <FormField id={`${id}-usd`} label="USD at the time" hint="Only where the price table has no price">
            {(props) => (
              <input
                {...props}
                type="text"
                inputMode="decimal"
                value={values.usd}
                placeholder="e.g. 530000000"
                autoComplete="off"
                onChange={(e) => set('usd', e.target.value)}
              />
            )}
          </FormField>
        )}
        <div className="form-row">
          <FormField id={`${id}-txs`} label="Theft transactions" hint="CHAIN:TXHASH, one per line">
            {(props) => (
              <textarea
                {...props}
                rows={3}
                value={values.txs}
                spellCheck={false}
                onChange={(e) => set('txs', e.target.value)}
              />
            )}
          </FormField>
          <FormField
            id={`${id}-addresses`}
            label="Victim addresses"
            hint="CHAIN:ADDRESS, one per line"
            error={badAddresses.length > 0 ? `Not valid: ${badAddresses.join('; ')}` : undefined}
          >
            {(props) => (
              <textarea
                {...props}
                rows={3}
                value={values.addresses}
                spellCheck={false}
                onChange={(e) => {
                  set('addresses', e.target.value);
                  setBadAddresses([]);
                }}
              />
            )}
          </FormField>
        </div>
        <div className="form-row">
          <FormField id={`${id}-source`} label="Source" hint="Where the facts come from">
            {(props) => (
              <input
                {...props}
                type="text"
                value={values.source}
                autoComplete="off"
                onChange={(e) => set('source', e.target.value)}
              />
            )}
          </FormField>
          <FormField id={`${id}-note`} label="Note">
            {(props) => (
              <input {...props} type="text" value={values.note} onChange={(e) => set('note', e.target.value)} />
            )}
          </FormField>
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={closeDialog} disabled={busy}>
            {current && !target ? 'Close' : 'Cancel'}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Saving…' : current ? 'Save changes' : 'Record incident'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
