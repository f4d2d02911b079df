export interface Theme {
  background: string;
  text: string;
  textOutline: string;
  edge: string;
  accent: string;
  groupFill: string;
}

/** Colours of the canvas from the page's CSS variables, so the graph follows the light or dark theme. */
export function readTheme(element: Element = document.documentElement): Theme {
  const css = getComputedStyle(element);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    background: v('--surface', '#ffffff'),
    text: v('--text', '#1a1e24'),
    textOutline: v('--surface', '#ffffff'),
    edge: v('--graph-edge', '#8d96a5'),
    accent: v('--accent', '#2451c4'),
    groupFill: v('--surface-sunken', '#f7f8fa'),
  };
}
