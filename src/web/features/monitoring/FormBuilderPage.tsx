/** Form builder with phone-width preview (issue #5). */
export function FormBuilderPage() {
  return null;
}
