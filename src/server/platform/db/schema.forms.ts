/** Row types of the monitoring form tables (migration 0015, issue #5). */

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the forms work
export interface FormsTables {}
