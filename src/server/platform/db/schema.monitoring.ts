/** Row types of the monitoring tables (migration 0016, issue #5). */

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the monitoring work
export interface MonitoringTables {}
