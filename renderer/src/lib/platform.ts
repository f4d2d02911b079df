export const isMac = /Mac|iPhone|iPad/.test(navigator.userAgent);

/** How to write a Ctrl/Cmd shortcut for this platform's users, e.g. "⌘N" or "Ctrl+N". */
export function modKeyLabel(key: string): string {
  return isMac ? `⌘${key}` : `Ctrl+${key}`;
}

/** The `aria-keyshortcuts` value for the same shortcut. */
export function modKeyAria(key: string): string {
  return isMac ? `Meta+${key}` : `Control+${key}`;
}

/** True when a key press belongs to the field being typed in, not to an app shortcut. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
