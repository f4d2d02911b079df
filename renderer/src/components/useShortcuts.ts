import { useEffect, type RefObject } from 'react';
import { isMac, isTypingTarget } from '../lib/platform';
import { useAppStore } from '../store/context';

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
      let handled = true;
      if (mod && !event.shiftKey && !event.altKey && key === 'n') state.openDialog('create');
      else if (mod && !event.shiftKey && !event.altKey && key === 'f') focusSearch();
      else if (event.key === '/' && !mod && !typing) focusSearch();
      else if (isDeleteKey(event) && !typing && state.selected) state.openDialog('delete');
      else handled = false;
      if (handled) event.preventDefault();
    }

    // In Electron the application menu owns CmdOrCtrl+N, so the key never reaches the page; the menu says so.
    const stopMenu = window.ariadne?.onMenu((command) => {
      if (command === 'new-case' && store.getState().dialog === null) store.getState().openDialog('create');
    });

    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      stopMenu?.();
    };
  }, [store, searchRef]);
}

/** Mac keyboards have no Delete key in the usual place; Finder uses ⌘⌫ for the same thing. */
function isDeleteKey(event: KeyboardEvent): boolean {
  return event.key === 'Delete' || (isMac && event.metaKey && event.key === 'Backspace');
}
