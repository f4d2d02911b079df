import { useState } from 'react';
import { FLAGS, HIGHLIGHTS } from './palette';

export interface Annotation {
  note: string;
  color: string | null;
  flags: string[];
}

/** Note, highlight colour and flags of a node or an edge; each change is one edit (and one undo step). */
export function AnnotationEditor({
  value,
  onChange,
  what,
}: {
  value: Annotation;
  onChange(changes: Partial<Annotation>): void;
  what: string;
}) {
  const [draft, setDraft] = useState(value.note);
  const [custom, setCustom] = useState('');
  const [seenNote, setSeenNote] = useState(value.note);
  // An undo or another panel changed the note underneath: show the stored text again.
  if (seenNote !== value.note) {
    setSeenNote(value.note);
    setDraft(value.note);
  }
  const toggleFlag = (flag: string) =>
    onChange({ flags: value.flags.includes(flag) ? value.flags.filter((f) => f !== flag) : [...value.flags, flag] });
  const customFlags = value.flags.filter((f) => !(FLAGS as readonly string[]).includes(f));

  return (
    <div className="annotation-editor">
      <label className="field-label" htmlFor={`note-${what}`}>
        Note
      </label>
      <textarea
        id={`note-${what}`}
        className="input graph-note-input"
        rows={3}
        value={draft}
        aria-label={`Note on this ${what}`}
        onChange={(event) => setDraft(event.target.value)}
      />
      <div className="annotation-actions">
        <button
          type="button"
          className="button"
          disabled={draft === value.note}
          onClick={() => onChange({ note: draft })}
        >
          Save note
        </button>
      </div>
      <fieldset className="annotation-colours">
        <legend className="field-label">Highlight</legend>
        <button
          type="button"
          className={value.color === null ? 'swatch swatch-none active' : 'swatch swatch-none'}
          aria-pressed={value.color === null}
          aria-label="No highlight"
          onClick={() => onChange({ color: null })}
        />
        {HIGHLIGHTS.map((h) => (
          <button
            key={h.colour}
            type="button"
            className={value.color === h.colour ? 'swatch active' : 'swatch'}
            style={{ background: h.colour }}
            aria-pressed={value.color === h.colour}
            aria-label={`Highlight ${h.name}`}
            title={h.name}
            onClick={() => onChange({ color: h.colour })}
          />
        ))}
      </fieldset>
      <fieldset className="annotation-flags">
        <legend className="field-label">Flags</legend>
        {FLAGS.map((flag) => (
          <label key={flag} className="check">
            <input type="checkbox" checked={value.flags.includes(flag)} onChange={() => toggleFlag(flag)} />
            {flag}
          </label>
        ))}
        {customFlags.map((flag) => (
          <span key={flag} className="flag-chip">
            {flag}
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove flag ${flag}`}
              onClick={() => toggleFlag(flag)}
            >
              ×
            </button>
          </span>
        ))}
        <form
          className="flag-add"
          onSubmit={(event) => {
            event.preventDefault();
            const flag = custom.trim().slice(0, 40);
            if (flag && !value.flags.includes(flag)) onChange({ flags: [...value.flags, flag] });
            setCustom('');
          }}
        >
          <input
            className="input"
            value={custom}
            maxLength={40}
            placeholder="Custom flag"
            aria-label="Custom flag"
            onChange={(event) => setCustom(event.target.value)}
          />
          <button type="submit" className="button" disabled={!custom.trim()}>
            Add flag
          </button>
        </form>
      </fieldset>
    </div>
  );
}
