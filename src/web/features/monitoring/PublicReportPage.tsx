/** The anonymous public incident form (issue #5). */
export function PublicReportPage() {
  return null;
}
