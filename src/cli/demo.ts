import { randomBytes } from 'node:crypto';
import { ROLES, type Locale, type Role } from '../core/roles.ts';
import { inTx } from '../server/platform/context.ts';
import { runSetup } from '../server/modules/setup/setup.service.ts';
import { createUserTx } from '../server/modules/users/users.service.ts';
import { withContext, type Command } from './commands.ts';
import { CliError } from './errors.ts';
import { loadLegalDemo } from './demo-legal.ts';
import { loadViolationsDemo } from './demo-violations.ts';
import { loadMonitoringDemo } from './demo-monitoring.ts';
import { loadDetentionDemo } from './demo-detention.ts';

// Invented people, clearly fictional; names in the scripts the organisation's staff use.
const PEOPLE: Record<Role, { name: string; locale: Locale }> = {
  admin: { name: 'Айгүл Демо', locale: 'ky' },
  coordinator: { name: 'Нурлан Демо', locale: 'ky' },
  lawyer: { name: 'Елена Демо', locale: 'ru' },
  documenter: { name: 'Бакыт Демо', locale: 'ky' },
  monitor: { name: 'Гүлнара Демо', locale: 'ky' },
  trainer: { name: 'Динара Демо', locale: 'ru' },
  viewer: { name: 'Demo Viewer', locale: 'en' },
};

function demoPassword(): string {
  return `Demo-${randomBytes(12).toString('base64url')}`;
}

/**
 * Load the demo organisation (clearly marked as demo) into an empty data folder: one user per role,
 * with random passwords and provisioned TOTP, printed once. Later modules add their demo data here.
 */
export const loadDemo: Command = async (flags) =>
  withContext(async (ctx) => {
    if (ctx.keyring.initialized)
      throw new CliError('The data folder is not empty: demo data goes only into a new installation.');
    const users: { email: string; password: string; role: Role; totpSecret: string; id?: string }[] = [];
    const adminPassword = demoPassword();
    const admin = await runSetup(ctx, {
      orgName: 'DEMO — Бир Дүйнө Кыргызстан',
      defaultLocale: 'ky',
      adminName: PEOPLE.admin.name,
      adminEmail: 'admin@demo.ukuk.invalid',
      adminPassword,
      provisionTotp: true,
      demo: true,
    });
    users.push({
      email: 'admin@demo.ukuk.invalid',
      password: adminPassword,
      role: 'admin',
      totpSecret: admin.totpSecret!,
    });
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      const password = demoPassword();
      const email = `${role}@demo.ukuk.invalid`;
      const r = await inTx(ctx, (tx, audit) =>
        createUserTx(
          ctx,
          tx,
          audit,
          {
            email,
            name: PEOPLE[role].name,
            role,
            locale: PEOPLE[role].locale,
            password,
            provisionTotp: true,
          },
          admin.adminId,
        ),
      );
      users.push({ email, password, role, totpSecret: r.totpSecret!, id: r.id });
    }
    const idOf = (role: Role) => users.find((u) => u.role === role)!.id!;
    await loadLegalDemo(ctx, idOf('lawyer'), idOf('coordinator'));
    await loadViolationsDemo(ctx, idOf('documenter'));
    await loadMonitoringDemo(ctx, admin.adminId, idOf('coordinator'), idOf('monitor'));
    await loadDetentionDemo(ctx, admin.adminId, idOf('coordinator'));
    const listed = users.map(({ id: _id, ...u }) => u);
    if (flags.json) process.stdout.write(`${JSON.stringify(listed)}\n`);
    else
      for (const u of listed)
        process.stdout.write(
          `${u.role.padEnd(12)} ${u.email}  password ${u.password}  TOTP ${u.totpSecret}\n`,
        );
    return 0;
  });
