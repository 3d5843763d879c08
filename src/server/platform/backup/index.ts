/** Encrypted backup and restore (issue #2); see format.ts for the file layout. */
export { createBackup, type BackupSummary, type CreateOptions } from './create.ts';
export { restoreBackup, type RestoreOptions, type RestoreSummary } from './restore.ts';
export { BackupError, MIN_PASSPHRASE_LENGTH } from './format.ts';
