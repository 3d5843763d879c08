/** Mantine's yellow alert text is too pale on its background; keep the yellow box, use dark text. */
export const WARNING_STYLES = {
  title: { color: 'var(--mantine-color-dark-9)' },
  message: { color: 'var(--mantine-color-dark-9)' },
};
