/** Line icons drawn on a 20×20 grid with the current text colour, so they follow the theme. */
const PATHS = {
  plus: 'M10 4.5v11M4.5 10h11',
  search: 'M8.75 14a5.25 5.25 0 1 0 0-10.5 5.25 5.25 0 0 0 0 10.5zM12.6 12.6l3.9 3.9',
  edit: 'M4 16l.9-3.4 8.3-8.3a1.6 1.6 0 0 1 2.3 0l.2.2a1.6 1.6 0 0 1 0 2.3l-8.3 8.3zM11.8 5.7l2.5 2.5',
  archive: 'M3.5 4.5h13v3.5h-13zM4.75 8v6.75c0 .4.35.75.75.75h9c.4 0 .75-.35.75-.75V8M8 11h4',
  trash: 'M3.75 5.75h12.5M8 5.75V4.25h4v1.5M5.5 5.75l.7 10h7.6l.7-10M8.5 8.75v4.5M11.5 8.75v4.5',
  check: 'M10 17a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM7 10.2l2 2 4-4.2',
  reopen: 'M4.2 9.3a6 6 0 1 1 1.6 4.9M4 4.5v4.75h4.75',
  close: 'M5.5 5.5l9 9M14.5 5.5l-9 9',
  alert: 'M10 17a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM10 6.5v4.25M10 13.25v.25',
  briefcase:
    'M3 6.5h14v9.25c0 .4-.35.75-.75.75H3.75a.75.75 0 0 1-.75-.75zM7.25 6.5V4.25h5.5V6.5M3 10.5h14M9 10.5v1.5h2v-1.5',
  cursor: 'M5 3.5l10 5.25-4.4 1.35 2.6 4.9-1.9 1-2.6-4.9L5.5 14.5z',
  upload: 'M10 13V3.75M6.25 7.5L10 3.75l3.75 3.75M3.75 12.5v2.75c0 .55.45 1 1 1h10.5c.55 0 1-.45 1-1V12.5',
  copy: 'M7.25 7.25h8.5v8.5h-8.5zM4.25 12.75V4.25h8.5',
  wallet: 'M3.5 6.25h13v9.5h-13zM3.5 6.25l10-2.5v2.5M12.5 11h2',
  users:
    'M7.5 9.5a2.75 2.75 0 1 0 0-5.5 2.75 2.75 0 0 0 0 5.5zM2.75 16c.4-2.6 2.3-4.25 4.75-4.25s4.35 1.65 4.75 4.25M13 4.25a2.75 2.75 0 0 1 0 5.25M14.5 11.9c1.5.55 2.5 2 2.75 4.1',
  file: 'M5 2.75h6.5l3.5 3.5v11H5zM11.5 2.75v3.5H15',
  undo: 'M7.5 5L4 8.5 7.5 12M4.5 8.5h7a4 4 0 0 1 0 8H9',
  redo: 'M12.5 5L16 8.5 12.5 12M15.5 8.5h-7a4 4 0 0 0 0 8H11',
  fit: 'M3.5 7.5v-4h4M12.5 3.5h4v4M16.5 12.5v4h-4M7.5 16.5h-4v-4',
  zoomIn: 'M8.75 14a5.25 5.25 0 1 0 0-10.5 5.25 5.25 0 0 0 0 10.5zM12.6 12.6l3.9 3.9M6.5 8.75h4.5M8.75 6.5V11',
  zoomOut: 'M8.75 14a5.25 5.25 0 1 0 0-10.5 5.25 5.25 0 0 0 0 10.5zM12.6 12.6l3.9 3.9M6.5 8.75h4.5',
  download: 'M10 3.5v9.25M6.25 9L10 12.75 13.75 9M3.75 13.5v2c0 .55.45 1 1 1h10.5c.55 0 1-.45 1-1v-2',
  flow: 'M3.5 6h4v8h-4zM12.5 3.5h4v5h-4zM12.5 11.5h4v5h-4zM7.5 10h2.5V6h2.5M10 10v4h2.5',
  force: 'M10 10m-2 0a2 2 0 1 0 4 0 2 2 0 1 0-4 0M4.5 4.5l4 4M15.5 4.5l-4 4M10 12v4.5M4 4.5h1M15 4.5h1M10 16.5v.5',
  help: 'M10 17a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM7.75 7.75a2.25 2.25 0 1 1 3.1 2.08c-.5.22-.85.7-.85 1.25v.42M10 13.75v.25',
  eye: 'M2.5 10s2.75-5 7.5-5 7.5 5 7.5 5-2.75 5-7.5 5-7.5-5-7.5-5zM10 12.25a2.25 2.25 0 1 0 0-4.5 2.25 2.25 0 0 0 0 4.5z',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 16 }: { name: IconName; size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.6}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
