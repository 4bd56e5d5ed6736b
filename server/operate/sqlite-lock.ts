import SQLite from 'better-sqlite3';

/**
 * Whether a program has this SQLite file open: the server keeps its connections open while it
 * runs, and under WAL an open connection keeps others from the file's exclusive lock. Takes the
 * exclusive lock for a moment (changes nothing) and says who holds it otherwise.
 */
export function sqliteInUse(path: string): boolean {
  const db = new SQLite(path, { fileMustExist: true, timeout: 200 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('ROLLBACK');
    return false;
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) return true;
    throw error;
  } finally {
    db.close();
  }
}
