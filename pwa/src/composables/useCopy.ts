import { ref } from 'vue';

/**
 * Copies a text to the clipboard and says whether it did, for one thing at a time (`copiedKey`:
 * what was copied last, until the next copy). Not VueUse's useClipboard: it reports success even
 * when the browser refused, and it put 2 kB (gzip) into the first page's shared chunk.
 */
export function useCopy() {
  const copiedKey = ref<string | null>(null);
  const failedKey = ref<string | null>(null);
  async function copy(key: string, text: string): Promise<void> {
    copiedKey.value = failedKey.value = null;
    try {
      await navigator.clipboard.writeText(text);
      copiedKey.value = key;
    } catch {
      failedKey.value = key; // no clipboard (plain http, or refused): the text is on screen to select
    }
  }
  return { copy, copiedKey, failedKey };
}
