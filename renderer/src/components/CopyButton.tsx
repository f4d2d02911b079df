import { useApp } from '../store/context';
import { Icon } from './Icon';

interface CopyButtonProps {
  value: string;
  /** What is copied, for the button's name: "Copy address". */
  what: string;
  /** In grid rows the row is the tab stop; the button stays reachable by mouse and through the details. */
  tabbable?: boolean;
}

export function CopyButton({ value, what, tabbable = true }: CopyButtonProps) {
  const notify = useApp((s) => s.notify);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      notify('success', `${capitalise(what)} copied`);
    } catch {
      notify('error', `Could not copy the ${what}: the clipboard is not available here`);
    }
  }

  return (
    <button
      type="button"
      className="icon-button copy-button"
      aria-label={`Copy ${what}`}
      title={`Copy ${what}`}
      tabIndex={tabbable ? undefined : -1}
      onClick={(event) => {
        // Inside a row, a click on the button must not also open the row.
        event.stopPropagation();
        void copy();
      }}
    >
      <Icon name="copy" size={14} />
    </button>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
