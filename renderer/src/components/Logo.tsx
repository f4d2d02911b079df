/** A ball of thread with its loose end: Ariadne's thread, followed back out of the maze. */
export function Logo() {
  return (
    <svg className="logo" width="22" height="22" viewBox="0 0 24 24" fill="none" aria-hidden="true" focusable="false">
      <g stroke="currentColor" strokeLinecap="round">
        <circle cx="11" cy="9.5" r="7" strokeWidth="1.75" />
        <path
          d="M6.2 4.9c3.4.3 7.4 2.7 9.6 6.6M4.3 8.2c3.6.6 7.8 3.4 9.9 7.6M5.3 13.4c2 .4 4 1.6 5.2 3.1"
          strokeWidth="1.3"
        />
        <path d="M8.4 16.1c-.9 2.5.2 4.3 2.5 4.3 2.6 0 3.7-2.1 6.1-2.1 1.9 0 3.1 1 4.9 2.3" strokeWidth="1.6" />
      </g>
    </svg>
  );
}
