/** One submission under review (issue #5). */
export function SubmissionPage() {
  return null;
}
