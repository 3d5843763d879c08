import type { SubmissionStatus } from '../api';

/** The next states a reviewer may choose, as the server allows them (review.service TRANSITIONS). */
export const NEXT: Record<SubmissionStatus, SubmissionStatus[]> = {
  received: ['in_review', 'rejected'],
  in_review: ['verified', 'rejected', 'received'],
  verified: ['published', 'rejected', 'in_review'],
  published: ['verified'],
  rejected: ['in_review'],
};
