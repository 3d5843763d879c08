/** How a question reads in the field app: one look for every type of question. */
export const LABEL = { fontSize: 'var(--mantine-font-size-md)', fontWeight: 600 };
/**
 * Hints a size up from Mantine's 12 px light grey, and darker: an observer reads them on a phone in
 * a polling station's poor light or outdoors in the sun.
 */
export const HINT = { fontSize: 'var(--mantine-font-size-sm)', color: 'var(--mantine-color-gray-8)' };
/** Errors too: a yes/no wrapper's error was a third smaller than a large text input's. */
export const ERROR = { fontSize: 'var(--mantine-font-size-md)' };
export const NOTE = {
  display: 'block',
  color: 'var(--mantine-color-orange-9)',
  fontSize: 'var(--mantine-font-size-md)',
};
