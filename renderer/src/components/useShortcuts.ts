import { useEffect, type RefObject } from 'react';
import { isMac, isTypingTarget } from '../lib/platform';
import { useAppStore } from '../store/context';
import type { AppState } from '../store';
import { SECTIONS } from '../store/uiSlice';

/**
 * Window-wide shortcuts, and the application menu's commands in Electron. They stand down while a dialog is open: the dialog owns the keyboard then, and
 * Escape is handled by the dialog itself.
 */
export function useShortcuts(searchRef: RefObject<HTMLInputElement | null>) {
  const store = useAppStore();

  useEffect(() => {
    function focusSearch() {
      searchRef.current?.focus();
      searchRef.current?.select();
    }

    function onKeyDown(event: KeyboardEvent) {
      const state = store.getState();
      if (event.defaultPrevented || event.isComposing || state.dialog !== null) return;
      const mod = isMac ? event.metaKey : event.ctrlKey;
      const key = event.key.toLowerCase();
      const typing = isTypingTarget(event.target);
      const plainMod = mod && !event.shiftKey && !event.altKey;
      // By code, not key: on AZERTY and other layouts the digit row types other characters without Shift.
      const section = plainMod ? SECTIONS[DIGIT_CODES.indexOf(event.code)] : undefined;
      const inGraph = state.section === 'cases' && state.selected !== null && state.caseTab === 'graph';
      if (inGraph && !typing && graphShortcut(event, state, mod)) {
        event.preventDefault();
        return;
      }
      let handled = true;
      if (plainMod && key === 'n') state.openDialog('create');
      else if (plainMod && key === 'i') state.openImport();
      else if (mod && event.shiftKey && !event.altKey && key === 'a' && state.section === 'cases' && state.selected)
        state.openAddAddresses();
      else if (section) state.setSection(section);
      else if (plainMod && key === 'f') focusSearch();
      else if (event.key === '/' && !mod && !typing) focusSearch();
      else if (isDeleteKey(event) && !typing && state.section === 'cases' && state.selected) state.openDialog('delete');
      else handled = false;
      if (handled) event.preventDefault();
    }

    // In Electron the application menu owns these accelerators, so the keys never reach the page; it says so.
    const stopMenu = window.ariadne?.onMenu((command) => {
      const state = store.getState();
      if (state.dialog !== null) return;
      if (command === 'new-case') state.openDialog('create');
      else if (command === 'import') state.openImport();
      else if (command === 'add-addresses') {
        if (state.selected) {
          state.setSection('cases');
          state.openAddAddresses();
        } else state.notify('error', 'Open a case first: addresses are added to the open case.');
      } else if (command === 'export-report') {
        if (state.selected) {
          state.setSection('cases');
          state.openDialog('report');
        } else state.notify('error', 'Open a case first: the report is of the open case.');
      } else if (command === 'show-cases') state.setSection('cases');
      else if (command === 'show-addresses') state.setSection('addresses');
      else if (command === 'show-summary') state.setSection('summary');
      else state.setSection('entities');
    });

    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      stopMenu?.();
    };
  }, [store, searchRef]);
}

/** The graph's keys, while the graph of a case is shown; true when the key was one of them. */
function graphShortcut(event: KeyboardEvent, state: AppState, mod: boolean): boolean {
  const key = event.key.toLowerCase();
  const plain = !mod && !event.altKey && !event.shiftKey;
  const { graphSelection: selection } = state;
  const hasSelection = selection.nodes.length + selection.edges.length > 0;
  if (mod && !event.altKey && key === 'z') {
    void (event.shiftKey ? state.redoGraph() : state.undoGraph());
  } else if (mod && !event.altKey && !event.shiftKey && key === 'y') {
    void state.redoGraph();
  } else if (mod && !event.altKey && !event.shiftKey && key === 'f') {
    const search = document.getElementById('graph-search');
    if (search instanceof HTMLInputElement) {
      search.focus();
      search.select();
    }
  } else if (isDeleteKey(event)) {
    // In the graph, Delete is about the graph: with nothing selected it does nothing, never offers to delete the case.
    if (hasSelection) void state.removeFromGraph(selection);
  } else if (plain && key === 'h' && selection.nodes.length > 0) {
    void state.setHidden(selection.nodes, true);
  } else if (plain && key === 'f') {
    state.viewGraph('fit');
  } else if (plain && key === 'e' && selection.nodes.length === 1 && selection.nodes[0]) {
    void state.expandNode(selection.nodes[0], 'out');
  } else if (event.key === '?' && !mod) {
    state.setGraphHelp(!state.graphHelp);
  } else if (event.key === 'Escape' && state.graphHelp) {
    state.setGraphHelp(false);
  } else if (event.key === 'Escape' && hasSelection) {
    state.selectGraph({ nodes: [], edges: [] });
  } else {
    return false;
  }
  return true;
}

const DIGIT_CODES = ['Digit1', 'Digit2', 'Digit3', 'Digit4'];

/** Mac keyboards have no Delete key in the usual place; Finder uses ⌘⌫ for the same thing. */
function isDeleteKey(event: KeyboardEvent): boolean {
  return event.key === 'Delete' || (isMac && event.metaKey && event.key === 'Backspace');
}
