const absoluteFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function formatAbsolute(iso: string): string {
  return absoluteFormat.format(new Date(iso));
}

/** "just now", "5 minutes ago", "yesterday"; past a week a date reads better than "23 days ago". */
export function formatRelative(iso: string, now: number): string {
  const then = new Date(iso).getTime();
  const elapsed = now - then;
  if (elapsed < MINUTE) return 'just now';
  if (elapsed < HOUR) return relativeFormat.format(-Math.round(elapsed / MINUTE), 'minute');
  if (elapsed < DAY) return relativeFormat.format(-Math.round(elapsed / HOUR), 'hour');
  if (elapsed < 7 * DAY) return relativeFormat.format(-Math.round(elapsed / DAY), 'day');
  return dateFormat.format(then);
}
