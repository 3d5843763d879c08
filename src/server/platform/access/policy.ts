import type { Role } from '../../../core/roles.ts';
import { AppError } from '../errors.ts';

/**
 * The one place that decides who may do what. Deny by default: a capability not listed for a role is
 * refused, and a record kind without a registered rule is invisible to everyone.
 */
export const CAPABILITIES = [
  'users.manage',
  'audit.read',
  'system.seal',
  'settings.manage',
  'people.read',
  'people.write',
  'cases.read',
  'cases.write',
  'violations.read',
  'violations.write',
  'monitoring.submit',
  'monitoring.review',
  /** Erasing a rejected report for good (review.erase.ts): administrators only, with four-eyes. */
  'monitoring.erase',
  'advocacy.manage',
  'trainings.manage',
  'festival.manage',
  'library.manage',
  'network.manage',
  'reports.read',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

const ROLE_CAPABILITIES: Record<Role, readonly Capability[]> = {
  admin: CAPABILITIES,
  coordinator: [
    'people.read',
    'cases.read',
    'violations.read',
    'monitoring.submit',
    'monitoring.review',
    'advocacy.manage',
    'trainings.manage',
    'festival.manage',
    'library.manage',
    'network.manage',
    'reports.read',
  ],
  lawyer: ['people.read', 'people.write', 'cases.read', 'cases.write', 'violations.read', 'reports.read'],
  documenter: ['people.read', 'people.write', 'violations.read', 'violations.write', 'reports.read'],
  monitor: ['monitoring.submit'],
  trainer: ['trainings.manage', 'library.manage'],
  viewer: ['reports.read'],
};

/** Who is asking: the logged-in user of the current full session. */
export interface Actor {
  userId: string;
  role: Role;
  sessionId: string;
  reauthUntil: string | null;
}

export function capabilitiesOf(role: Role): readonly Capability[] {
  return ROLE_CAPABILITIES[role] ?? [];
}

export function can(actor: Actor, cap: Capability): boolean {
  return capabilitiesOf(actor.role).includes(cap);
}

/** Throw `auth.forbidden` unless the actor has the capability. */
export function requireCap(actor: Actor | null, cap: Capability): asserts actor is Actor {
  if (!actor) throw new AppError('auth.unauthenticated');
  if (!can(actor, cap)) throw new AppError('auth.forbidden');
}

/** Dangerous actions (exports, role changes, key changes) need a fresh password + 2FA confirmation. */
export function requireReauth(actor: Actor, now = Date.now()): void {
  if (!actor.reauthUntil || Date.parse(actor.reauthUntil) < now) throw new AppError('auth.reauth_required');
}

/**
 * Need-to-know for one record. Modules register a rule per record kind (a case's team and grants, a
 * monitor's own missions and region); without a rule the answer is no. Callers turn "no" into the
 * same not-found answer as a missing record.
 */
export type RecordRule<R> = (actor: Actor, record: R) => boolean;
const recordRules = new Map<string, RecordRule<never>>();

export function registerRecordRule<R>(kind: string, rule: RecordRule<R>): void {
  recordRules.set(kind, rule);
}

export function canSeeRecord<R>(actor: Actor, kind: string, record: R): boolean {
  const rule = recordRules.get(kind) as RecordRule<R> | undefined;
  return rule ? rule(actor, record) : false;
}
