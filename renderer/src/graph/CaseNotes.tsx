import { useState } from 'react';
import type { CaseNote } from '../../../db/api/contract';
import { formatAbsolute } from '../lib/time';
import { useApp } from '../store/context';

/** The case's own notes: what the investigator concluded, not tied to one node. */
export function CaseNotes() {
  const notes = useApp((s) => s.graph?.notes ?? EMPTY);
  const add = useApp((s) => s.addCaseNote);
  const [draft, setDraft] = useState('');
  return (
    <div className="details-body">
      <form
        className="case-note-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!draft.trim()) return;
          void add(draft);
          setDraft('');
        }}
      >
        <textarea
          className="input"
          rows={3}
          aria-label="New case note"
          placeholder="What did you find?"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit" className="button button-primary" disabled={!draft.trim()}>
          Add note
        </button>
      </form>
      {notes.length === 0 && <p className="muted">No case notes yet.</p>}
      <ul className="case-notes" aria-label="Case notes">
        {notes.map((note) => (
          <NoteItem key={note.id} note={note} />
        ))}
      </ul>
    </div>
  );
}

const EMPTY: readonly CaseNote[] = [];

function NoteItem({ note }: { note: CaseNote }) {
  const edit = useApp((s) => s.editCaseNote);
  const remove = useApp((s) => s.deleteCaseNote);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(note.text);
  return (
    <li className="case-note">
      {editing ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void edit(note.id, draft);
            setEditing(false);
          }}
        >
          <textarea
            className="input"
            rows={3}
            aria-label="Edit case note"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
          />
          <div className="graph-actions">
            <button type="submit" className="button button-primary" disabled={!draft.trim()}>
              Save
            </button>
            <button type="button" className="button" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <>
          <p className="case-note-text">{note.text}</p>
          <div className="case-note-foot">
            <span className="muted">{formatAbsolute(note.updatedAt)}</span>
            <button
              type="button"
              className="button"
              onClick={() => {
                setDraft(note.text);
                setEditing(true);
              }}
            >
              Edit
            </button>
            <button type="button" className="button button-danger-quiet" onClick={() => void remove(note.id)}>
              Delete
            </button>
          </div>
        </>
      )}
    </li>
  );
}
