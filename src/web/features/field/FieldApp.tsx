/** The offline field app for observers (issue #5). */
export function FieldApp() {
  return null;
}
