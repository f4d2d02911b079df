/** Placeholder cells while a row's page is on its way; bars rather than text, so nothing is announced twice. */
export function LoadingCells({ count }: { count: number }) {
  return (
    <>
      {Array.from({ length: count }, (_, i) => (
        <div key={i} role="gridcell" aria-busy="true">
          <span className="skeleton" />
        </div>
      ))}
    </>
  );
}
