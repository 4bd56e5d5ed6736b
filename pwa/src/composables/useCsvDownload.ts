import { ref } from 'vue';
import { writeCsv, type CsvCell } from '@shared/stores';

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
      const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = filename;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } finally {
      busy.value = false;
    }
  }

  return { busy, download, downloadText };
}
