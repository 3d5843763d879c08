/** Missions list (issue #5). */
export function MissionsPage() {
  return null;
}
