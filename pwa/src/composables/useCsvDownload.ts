import { ref } from 'vue';
import { writeCsv, type CsvCell } from '@shared/files';

/**
 * Saves a CSV file through the browser's download (a Blob behind a link, clicked): nothing is sent
 * anywhere, so it works offline. `busy` while the file is written.
 */
export function useCsvDownload() {
  const busy = ref(false);

  /** Writes the rows as CSV, then saves the file. */
  async function download(file: {
    fields: readonly string[];
    rows: readonly (readonly CsvCell[])[];
    filename: string;
  }) {
    await downloadText(file.filename, () => writeCsv(file.fields, file.rows));
  }

  /** Saves CSV text made by `make` (a store's report) as `filename`. */
  async function downloadText(filename: string, make: () => Promise<string>) {
    busy.value = true;
    try {
      const text = await make();
      // A byte-order mark, so spreadsheet programs read the file as UTF-8 (names with accents).
      save(filename, new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
    } finally {
      busy.value = false;
    }
  }

  /**
   * Saves a CSV file written a chunk at a time (`write` hands each chunk of text on): each chunk
   * joins the file's Blob, which the browser keeps outside the page's memory, so a list of
   * 100,000 rows is never one text in the page.
   */
  async function downloadChunks(filename: string, write: (onChunk: (text: string) => void) => Promise<unknown>) {
    busy.value = true;
    try {
      let file = new Blob(['\uFEFF'], { type: 'text/csv;charset=utf-8' });
      await write((text) => (file = new Blob([file, text], { type: 'text/csv;charset=utf-8' })));
      save(filename, file);
    } finally {
      busy.value = false;
    }
  }

  return { busy, download, downloadText, downloadChunks };
}

/** Hands a file to the browser's download (a link to it, clicked). */
function save(filename: string, file: Blob): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
