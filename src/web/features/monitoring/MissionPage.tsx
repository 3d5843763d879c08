/** One mission: dashboard, sites, observers, submissions (issue #5). */
export function MissionPage() {
  return null;
}
