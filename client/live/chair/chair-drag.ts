/**
 * Drag-and-drop reordering of the chair's queue with the HTML drag events: an attachment
 * for the element around the queue list. Each entry's drag handle carries
 * `data-drag-entry="<entry id>"`; dropping on the upper or lower half of an entry places the
 * dragged one before or after it. Keyboard users have the Move up / Move down buttons.
 */
import type { Attachment } from 'svelte/attachments';

/** `toIndex` is the place in the list without the moved entry, as `queue.move` takes it. */
export type MoveHandler = (entryId: string, toIndex: number) => void;

export function dragReorder(onMove: MoveHandler): Attachment<HTMLElement> {
  return (zone) => {
    let dragged: { id: string; from: number; item: HTMLElement } | null = null;
    let marked: HTMLElement | null = null;

    const items = (): HTMLElement[] => Array.from(zone.querySelectorAll<HTMLElement>('ol > li'));

    function unmark(): void {
      marked?.classList.remove('drop-before', 'drop-after');
      marked = null;
    }

    function slotAt(event: DragEvent): { item: HTMLElement; index: number; after: boolean } | null {
      const target = event.target instanceof Element ? event.target : null;
      const item = target?.closest<HTMLElement>('ol > li');
      if (!item || !zone.contains(item)) return null;
      const index = items().indexOf(item);
      if (index === -1) return null;
      const box = item.getBoundingClientRect();
      return { item, index, after: event.clientY > box.top + box.height / 2 };
    }

    function finish(): void {
      unmark();
      dragged?.item.classList.remove('dragging');
      dragged = null;
    }

    function onDragStart(event: DragEvent): void {
      const handle = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-drag-entry]') : null;
      const item = handle?.closest<HTMLElement>('ol > li');
      if (!handle || !item) return;
      const id = handle.dataset.dragEntry;
      if (!id) return;
      dragged = { id, from: items().indexOf(item), item };
      item.classList.add('dragging');
      if (event.dataTransfer) {
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', id);
        event.dataTransfer.setDragImage(item, 16, 16);
      }
    }

    function onDragOver(event: DragEvent): void {
      if (!dragged) return;
      const slot = slotAt(event);
      if (!slot) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
      if (marked !== slot.item) unmark();
      marked = slot.item;
      slot.item.classList.toggle('drop-before', !slot.after);
      slot.item.classList.toggle('drop-after', slot.after);
    }

    function onDragLeave(event: DragEvent): void {
      if (event.relatedTarget instanceof Node && zone.contains(event.relatedTarget)) return;
      unmark();
    }

    function onDrop(event: DragEvent): void {
      if (!dragged) return;
      event.preventDefault();
      const slot = slotAt(event);
      if (slot) {
        // The slot in the full list, then the place in the list without the dragged entry.
        const before = slot.index + (slot.after ? 1 : 0);
        const toIndex = before > dragged.from ? before - 1 : before;
        if (toIndex !== dragged.from) onMove(dragged.id, toIndex);
      }
      finish();
    }

    zone.addEventListener('dragstart', onDragStart);
    zone.addEventListener('dragover', onDragOver);
    zone.addEventListener('dragleave', onDragLeave);
    zone.addEventListener('drop', onDrop);
    zone.addEventListener('dragend', finish);
    return () => {
      zone.removeEventListener('dragstart', onDragStart);
      zone.removeEventListener('dragover', onDragOver);
      zone.removeEventListener('dragleave', onDragLeave);
      zone.removeEventListener('drop', onDrop);
      zone.removeEventListener('dragend', finish);
    };
  };
}
