import { nextTick, watch, type Ref } from 'vue';

/**
 * Opens the native <dialog> as a modal while `isOpen()` is true (it traps focus and closes on
 * Escape) and, once closed, gives focus back to what had it before: the button that opened it.
 */
export function useModalDialog(dialog: Ref<HTMLDialogElement | null>, isOpen: () => boolean): void {
  let opener: HTMLElement | null = null;
  watch(
    isOpen,
    async (open) => {
      await nextTick();
      const el = dialog.value;
      if (!el) return;
      if (open && !el.open) {
        opener = document.activeElement as HTMLElement | null;
        if (typeof el.showModal === 'function') el.showModal();
        else el.setAttribute('open', '');
      } else if (!open && el.open) {
        if (typeof el.close === 'function') el.close();
        else el.removeAttribute('open');
        opener?.focus();
      }
    },
    { immediate: true },
  );
}
