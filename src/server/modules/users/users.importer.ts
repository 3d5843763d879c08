import { requireCap, requireReauth, type Actor } from '../../platform/access/policy.ts';
import { inTx, type AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { getOrgSettings } from '../setup/setup.service.ts';
import { checkPeopleCsv } from './users.import.ts';
import { createUserTx, emailIndex } from './users.service.ts';

export interface Invited {
  id: string;
  email: string;
  name: string;
  role: string;
  /** The secret part of the invitation link: shown once, to be passed on over a trusted channel. */
  inviteToken: string;
}

/**
 * Invite everyone on a list at once (an election's observers): all or nothing, every bad line named.
 * Like any bulk action it asks for re-authentication, after the list itself was found valid so that a
 * wrong file is corrected first. Each account is audited as a single invitation would be, plus one
 * entry for the list. Administrators are not invited this way (they need a second administrator).
 */
export async function importUsers(ctx: AppContext, actor: Actor | null, csv: string): Promise<Invited[]> {
  requireCap(actor, 'users.manage');
  const { defaultLocale } = await getOrgSettings(ctx);
  const { lines, issues } = checkPeopleCsv(csv, defaultLocale);
  if (lines.length) {
    const byIndex = new Map(lines.map((l) => [emailIndex(ctx, l.email), l.line]));
    const taken = await ctx.db
      .selectFrom('users')
      .select('email_bidx')
      .where('email_bidx', 'in', [...byIndex.keys()])
      .execute();
    for (const t of taken)
      issues.push({ line: byIndex.get(t.email_bidx)!, field: 'email', code: 'email_taken' });
  }
  if (issues.length)
    throw new AppError('user.import_invalid', {
      details: issues.sort((x, y) => x.line - y.line).slice(0, 200),
    });
  requireReauth(actor);
  return inTx(ctx, async (tx, audit) => {
    const out: Invited[] = [];
    for (const l of lines) {
      const r = await createUserTx(
        ctx,
        tx,
        audit,
        { email: l.email, name: l.name, role: l.role, locale: l.locale, phone: l.phone },
        actor.userId,
      );
      out.push({ id: r.id, email: l.email, name: l.name, role: l.role, inviteToken: r.inviteToken! });
    }
    await audit({
      actorId: actor.userId,
      action: 'user.import',
      entityType: 'user',
      details: { invited: out.length },
    });
    return out;
  });
}
