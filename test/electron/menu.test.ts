import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MENU_CHANNEL, menuTemplate, type MenuOptions } from '../../electron/menu';

const build = (options: Partial<MenuOptions> = {}) =>
  menuTemplate({ platform: 'linux', isPackaged: true, send: vi.fn(), ...options });

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}
const roles = (template: MenuItemConstructorOptions[]) =>
  items(template).flatMap((item) => (item.role ? [item.role] : []));
const newCase = (template: MenuItemConstructorOptions[]) => items(template).find((item) => item.label === 'New Case…');

describe('application menu', () => {
  it('has the standard edit, view, window and help roles', () => {
    const all = roles(build());
    for (const role of [
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
      'windowMenu',
      'help',
      'about',
      'quit',
    ] as const) {
      expect(all).toContain(role);
    }
  });

  it('offers reload and DevTools only when not packaged', () => {
    const developer = ['reload', 'forceReload', 'toggleDevTools'] as const;
    for (const role of developer) {
      expect(roles(build({ isPackaged: true }))).not.toContain(role);
      expect(roles(build({ isPackaged: false }))).toContain(role);
    }
  });

  it('follows macOS conventions there: app menu first, Close instead of Quit in File', () => {
    const mac = build({ platform: 'darwin' });
    expect(mac[0]).toEqual({ role: 'appMenu' });
    const file = mac[1]?.submenu as MenuItemConstructorOptions[];
    expect(file.map((item) => item.role)).toContain('close');
    expect(file.map((item) => item.role)).not.toContain('quit');
    expect(build({ platform: 'win32' })[0]?.label).toBe('&File');
  });

  it('sends new-case to the renderer on CmdOrCtrl+N', () => {
    const send = vi.fn();
    const item = newCase(build({ send }));
    expect(item?.accelerator).toBe('CmdOrCtrl+N');
    item?.click?.(undefined as never, undefined, undefined as never);
    expect(send).toHaveBeenCalledExactlyOnceWith('new-case');
    expect(MENU_CHANNEL).toBe('ariadne:menu');
  });

  it.each([
    ['Import…', 'CmdOrCtrl+I', 'import'],
    ['Add Addresses to Case…', 'CmdOrCtrl+Shift+A', 'add-addresses'],
    ['Export Report…', 'CmdOrCtrl+Shift+E', 'export-report'],
    ['Cases', 'CmdOrCtrl+1', 'show-cases'],
    ['Addresses', 'CmdOrCtrl+2', 'show-addresses'],
    ['Entities', 'CmdOrCtrl+3', 'show-entities'],
    ['Summary', 'CmdOrCtrl+4', 'show-summary'],
  ])('sends %s (%s) to the renderer as %s', (label, accelerator, command) => {
    const send = vi.fn();
    const items = build({ send }).flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []));
    const item = items.find((i) => i.label === label);
    expect(item?.accelerator).toBe(accelerator);
    item?.click?.(undefined as never, undefined, undefined as never);
    expect(send).toHaveBeenCalledExactlyOnceWith(command);
  });
});
