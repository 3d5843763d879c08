/** Form templates list (issue #5). */
export function FormsPage() {
  return null;
}
