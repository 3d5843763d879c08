/** Review and triage queues (issue #5). */
export function ReviewPage() {
  return null;
}
