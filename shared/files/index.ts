// Text the user brings in or takes away: CSV files written and read, pasted lists of people.
export { writeCsv, type CsvCell } from './csv';
export { readBatchInput } from './batch-input';
