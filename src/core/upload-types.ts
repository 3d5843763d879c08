// Plain data (no zod) so the web app can import it without bundling the schema library.
/**
 * Extensions the file picker offers. The server decides by content (platform/files/sniff.ts); this
 * list only saves a person from choosing a file that would be refused.
 */
export const UPLOAD_EXTENSIONS = [
  'pdf',
  'jpg',
  'jpeg',
  'png',
  'gif',
  'webp',
  'heic',
  'heif',
  'docx',
  'xlsx',
  'odt',
  'doc',
  'xls',
  'rtf',
  'txt',
  'csv',
  'md',
  'mp3',
  'mp4',
  'm4a',
  'ogg',
  'opus',
  'wav',
  'mov',
  'webm',
] as const;
