import { useRef, type KeyboardEvent } from 'react';
import { modKeyAria, modKeyLabel } from '../lib/platform';
import { useApp } from '../store/context';
import { SECTIONS, type Section } from '../store/uiSlice';

export const SECTION_TITLES: Record<Section, string> = {
  cases: 'Cases',
  addresses: 'Addresses',
  entities: 'Entities',
  summary: 'Summary',
};

export const SECTION_PANEL_ID = 'section-panel';

export function sectionTabId(section: Section): string {
  return `section-tab-${section}`;
}

/** Tabs with one tab stop: the arrow keys, Home and End move between them, as in the WAI-ARIA tabs pattern. */
export function SectionTabs() {
  const section = useApp((s) => s.section);
  const setSection = useApp((s) => s.setSection);
  const listRef = useRef<HTMLDivElement>(null);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = SECTIONS.indexOf(section);
    const moves: Record<string, number> = {
      ArrowRight: (index + 1) % SECTIONS.length,
      ArrowLeft: (index - 1 + SECTIONS.length) % SECTIONS.length,
      Home: 0,
      End: SECTIONS.length - 1,
    };
    const next = SECTIONS[moves[event.key] ?? -1];
    if (!next) return;
    event.preventDefault();
    setSection(next);
    listRef.current?.querySelector<HTMLElement>(`#${sectionTabId(next)}`)?.focus();
  }

  return (
    <div ref={listRef} className="section-tabs" role="tablist" aria-label="Sections" onKeyDown={onKeyDown}>
      {SECTIONS.map((s, i) => (
        <button
          key={s}
          id={sectionTabId(s)}
          type="button"
          role="tab"
          className="section-tab"
          aria-selected={s === section}
          aria-controls={SECTION_PANEL_ID}
          aria-keyshortcuts={modKeyAria(String(i + 1))}
          title={`${SECTION_TITLES[s]} (${modKeyLabel(String(i + 1))})`}
          tabIndex={s === section ? 0 : -1}
          onClick={() => setSection(s)}
        >
          {SECTION_TITLES[s]}
        </button>
      ))}
    </div>
  );
}
