import { useEffect, useState } from 'react';
import { importSourceOf } from '../lib/importSource';
import { useAppStore } from '../store/context';
import { isImportBusy } from '../store/importSlice';
import { Icon } from './Icon';

/**
 * Files dropped anywhere on the window open the import dialog with them. The browser's default for a drop is
 * to open the file in place of the app (in Electron, to navigate away), so every file drag is claimed here.
 */
export function FileDropOverlay() {
  const store = useAppStore();
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    // dragenter and dragleave fire for every child crossed; counting them tells when the drag left the window.
    let depth = 0;
    const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

    function onDragEnter(event: DragEvent) {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth += 1;
      setDragging(true);
    }
    function onDragOver(event: DragEvent) {
      if (!carriesFiles(event) || !event.dataTransfer) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = acceptsDrop() ? 'copy' : 'none';
    }
    function onDragLeave(event: DragEvent) {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    }
    function onDrop(event: DragEvent) {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length > 0 && acceptsDrop()) store.getState().openImport(files.map(importSourceOf));
    }
    /** Another dialog, or an import under way, has the user's attention; a drop must not pull it away. */
    function acceptsDrop() {
      const { dialog, importRun } = store.getState();
      return (dialog === null || dialog === 'import') && !isImportBusy(importRun.phase);
    }

    window.addEventListener('dragenter', onDragEnter);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onDragEnter);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [store]);

  if (!dragging) return null;
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-overlay-card">
        <Icon name="upload" size={28} />
        <p className="drop-overlay-title">Drop files to import</p>
        <p className="muted">TagPacks, ActorPacks and the other formats Ariadne reads</p>
      </div>
    </div>
  );
}
