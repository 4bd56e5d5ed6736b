import { computed, type Ref } from 'vue';
import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/vue-virtual';

/**
 * The rows of a table: an array, or a long list's window (useListWindow) that has only the rows
 * near the view at hand (the others render when their answer comes).
 */
export interface RowSource<Row> {
  readonly length: number;
  at(index: number): Row | undefined;
}

/** A table row's height in CSS pixels (rows do not wrap: see `.virtual-table`). */
const ROW_HEIGHT = 44;
/** What the scroll box is assumed to show before it is laid out (and where nothing lays it out). */
const FALLBACK_RECT = { width: 1024, height: 640 };

/**
 * The rows of a long table that are in (or near) its scroll box: a table of 10,000 rows puts a few
 * dozen in the DOM, with a spacer row above and below standing in for the rest, so the scrollbar
 * still says how long the list is. Each rendered row is measured (`measure` as its ref), so a row
 * that came out taller (zoom, a larger font) does not shift the ones after it.
 */
export function useVirtualRows<Row>(rows: Ref<RowSource<Row>>, scroller: Ref<HTMLElement | null>) {
  const virtualizer = useVirtualizer<HTMLElement, HTMLElement>(
    computed(() => ({
      count: rows.value.length,
      getScrollElement: () => scroller.value,
      estimateSize: () => ROW_HEIGHT,
      overscan: 10,
      initialRect: FALLBACK_RECT,
      // A box not laid out yet measures 0 and would show no row at all.
      observeElementRect: (instance: Virtualizer<HTMLElement, HTMLElement>, cb: (rect: typeof FALLBACK_RECT) => void) =>
        observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : FALLBACK_RECT)),
      measureElement: (element: HTMLElement) => element.getBoundingClientRect().height || ROW_HEIGHT,
    })),
  );
  const items = computed(() => virtualizer.value.getVirtualItems());
  /** The rows to render, each with its index in the whole list. */
  const visible = computed(() =>
    items.value.flatMap(({ index }) => {
      const row = rows.value.at(index);
      return row === undefined ? [] : [{ index, row }];
    }),
  );
  /** The positions of the rows rendered (from, up to but not including). */
  const range = computed(() => ({ start: items.value[0]?.index ?? 0, end: (items.value.at(-1)?.index ?? -1) + 1 }));
  const before = computed(() => items.value[0]?.start ?? 0);
  const after = computed(() => virtualizer.value.getTotalSize() - (items.value.at(-1)?.end ?? 0));
  /** Ref callback for each rendered row (it carries `data-index`). */
  const measure = (element: unknown) => {
    if (element instanceof HTMLElement) virtualizer.value.measureElement(element);
  };
  return { visible, before, after, measure, range };
}
