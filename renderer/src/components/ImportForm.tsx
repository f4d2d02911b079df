import { useId, useRef, useState, type FormEvent } from 'react';
import { baseName, formatBytes, plural } from '../lib/format';
import { importSourceOf } from '../lib/importSource';
import { useApp } from '../store/context';
import { Icon } from './Icon';

export function ImportForm() {
  const files = useApp((s) => s.importFiles);
  const addFiles = useApp((s) => s.addImportFiles);
  const removeFile = useApp((s) => s.removeImportFile);
  const start = useApp((s) => s.startImport);
  const close = useApp((s) => s.closeImport);
  const preset = useApp((s) => s.importPreset);
  const [format, setFormat] = useState(preset?.format ?? '');
  const [caseId, setCaseId] = useState(preset?.caseId ? String(preset.caseId) : '');
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (files.length === 0) return;
    void start({ format: format || null, caseId: caseId ? Number(caseId) : null });
  }

  return (
    <form className="import-form" onSubmit={submit} noValidate>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-files`}>
          Files
        </label>
        <div className="drop-zone">
          <Icon name="upload" size={22} />
          <p>Drop files here, or</p>
          <button type="button" className="button" onClick={() => inputRef.current?.click()} autoFocus>
            Choose files…
          </button>
          {/* The button above opens the picker; the input itself stays out of the tab order and out of sight. */}
          <input
            ref={inputRef}
            id={`${id}-files`}
            className="visually-hidden"
            type="file"
            multiple
            tabIndex={-1}
            onChange={(e) => {
              addFiles([...(e.target.files ?? [])].map(importSourceOf));
              // Lets the same file be chosen again after it was removed from the list.
              e.target.value = '';
            }}
          />
        </div>
        {files.length > 0 && (
          <ul className="file-list" aria-label="Chosen files">
            {files.map((file) => (
              <li key={file.id} className="file-item">
                <Icon name="file" />
                <span className="file-name" title={file.name}>
                  {baseName(file.name)}
                </span>
                <span className="muted">{formatBytes(file.size)}</span>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Remove ${file.name}`}
                  onClick={() => removeFile(file.id)}
                >
                  <Icon name="close" size={14} />
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="form-row">
        <FormatField id={`${id}-format`} value={format} onChange={setFormat} />
        <CaseField id={`${id}-case`} value={caseId} onChange={setCaseId} />
      </div>
      <OptionsError />
      <div className="dialog-actions">
        <span className="dialog-actions-note muted">{files.length > 0 && plural(files.length, 'file', 'files')}</span>
        <button type="button" className="button" onClick={close}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={files.length === 0}>
          Import
        </button>
      </div>
    </form>
  );
}

interface SelectFieldProps {
  id: string;
  value: string;
  onChange(value: string): void;
}

function FormatField({ id, value, onChange }: SelectFieldProps) {
  const formats = useApp((s) => s.importFormats);
  return (
    <div className="field">
      <div className="field-label-row">
        <label className="field-label" htmlFor={id}>
          Format
        </label>
        <span className="field-hint">Detected per file</span>
      </div>
      {/* Remounted once the formats arrive: a preset value (incidents CSV) must be selected among the real options. */}
      <select key={formats ? 'loaded' : 'loading'} id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Detect automatically</option>
        {formats?.map((f) => (
          <option key={f.format} value={f.format}>
            {f.description}
          </option>
        ))}
      </select>
    </div>
  );
}

function CaseField({ id, value, onChange }: SelectFieldProps) {
  const cases = useApp((s) => s.importCases);
  return (
    <div className="field">
      <div className="field-label-row">
        <label className="field-label" htmlFor={id}>
          Into case
        </label>
        <span className="field-hint">For address lists and incidents</span>
      </div>
      <select key={cases ? 'loaded' : 'loading'} id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">No case</option>
        {cases?.map((c) => (
          <option key={c.id} value={String(c.id)}>
            {c.reference ? `${c.title} (${c.reference})` : c.title}
          </option>
        ))}
      </select>
    </div>
  );
}

function OptionsError() {
  const error = useApp((s) => s.importOptionsError);
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert">
      Could not load the formats and cases: {error}
    </div>
  );
}
