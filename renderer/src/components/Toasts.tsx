import { useEffect } from 'react';
import { useApp } from '../store/context';
import type { Toast } from '../store/uiSlice';
import { Icon } from './Icon';

/** Confirmations fade on their own; errors stay until dismissed, so none goes unread. */
const SUCCESS_MS = 4000;

export function Toasts() {
  const toasts = useApp((s) => s.toasts);
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </div>
  );
}

function ToastItem({ toast }: { toast: Toast }) {
  const dismiss = useApp((s) => s.dismissToast);

  useEffect(() => {
    if (toast.kind !== 'success') return;
    const timer = setTimeout(() => dismiss(toast.id), SUCCESS_MS);
    return () => clearTimeout(timer);
  }, [toast, dismiss]);

  return (
    // Confirmations are read out by the container's polite live region; errors interrupt as alerts.
    <div className={`toast toast-${toast.kind}`} role={toast.kind === 'error' ? 'alert' : undefined}>
      <Icon name={toast.kind === 'error' ? 'alert' : 'check'} />
      <span className="toast-message">{toast.message}</span>
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => dismiss(toast.id)}>
        <Icon name="close" size={14} />
      </button>
    </div>
  );
}
