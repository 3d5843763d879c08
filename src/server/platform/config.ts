import path from 'node:path';
import { z } from 'zod';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  UKUK_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// (unset it to use SQLite)')
    .optional(),
  UKUK_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  UKUK_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  UKUK_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  UKUK_REAUTH_MINUTES: z.coerce.number().int().min(1).max(60).default(10),
  /** Set when Ukuk runs behind an HTTPS reverse proxy: cookies get Secure and __Host-, HSTS is sent. */
  UKUK_HTTPS: z.enum(['0', '1', 'true', 'false']).default('0'),
  UKUK_TRUST_PROXY: z.enum(['0', '1', 'true', 'false']).default('0'),
  UKUK_PUBLIC_URL: z.string().url().optional(),
  UKUK_WEB_DIR: z.string().optional(),
  UKUK_JOBS: z.enum(['0', '1', 'true', 'false']).default('1'),
  /** Largest accepted upload, in MiB (case documents, evidence). */
  UKUK_MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(4096).default(50),
  /** Field-app uploads left unfinished this long are deleted with their pieces (monitoring cleanup). */
  UKUK_UPLOAD_ABANDON_HOURS: z.coerce.number().int().min(1).max(8760).default(48),
  /** Field-app media one person may announce in 24 hours, in MiB (a full disk is everyone's outage). */
  UKUK_UPLOAD_DAILY_MB: z.coerce.number().int().min(1).max(1_000_000).default(2048),
  /** Finished monitoring export files are kept this long, then deleted (the export shows as expired). */
  UKUK_EXPORT_KEEP_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  /** Optional: reminders and critical-incident alerts are also e-mailed through this server (smtp:// or smtps://, credentials in the URL). */
  UKUK_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'UKUK_SMTP_URL must start with smtp:// or smtps://')
    .optional(),
  /** The sender of those e-mails (required with UKUK_SMTP_URL). */
  UKUK_SMTP_FROM: z
    .string()
    .regex(/^[^\s@<>]+@[^\s@<>]+$/, 'UKUK_SMTP_FROM must be an e-mail address')
    .optional(),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  dbKind: 'sqlite' | 'postgres';
  logLevel: z.infer<typeof EnvSchema>['UKUK_LOG_LEVEL'];
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  reauthMs: number;
  https: boolean;
  trustProxy: boolean;
  publicUrl: string | undefined;
  webDir: string;
  runJobs: boolean;
  maxUploadBytes: number;
  /** Field-app upload bytes one user may announce in a rolling 24 hours. */
  uploadDailyBytes: number;
  uploadAbandonMs: number;
  exportKeepMs: number;
  smtp: { url: string; from: string } | undefined;
};

const yes = (v: string) => v === '1' || v === 'true';

/** Validate the environment once at start; a bad value stops the process with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.UKUK_SMTP_URL && !e.UKUK_SMTP_FROM)
    throw new ConfigError('Invalid configuration:\n  UKUK_SMTP_FROM: required when UKUK_SMTP_URL is set');
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.UKUK_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    dbKind: e.DATABASE_URL ? 'postgres' : 'sqlite',
    logLevel: e.UKUK_LOG_LEVEL,
    sessionIdleMs: e.UKUK_SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.UKUK_SESSION_ABSOLUTE_HOURS * 3_600_000,
    reauthMs: e.UKUK_REAUTH_MINUTES * 60_000,
    https: yes(e.UKUK_HTTPS),
    trustProxy: yes(e.UKUK_TRUST_PROXY),
    publicUrl: e.UKUK_PUBLIC_URL,
    webDir: path.resolve(e.UKUK_WEB_DIR ?? 'dist'),
    runJobs: yes(e.UKUK_JOBS),
    maxUploadBytes: e.UKUK_MAX_UPLOAD_MB * 1024 * 1024,
    uploadAbandonMs: e.UKUK_UPLOAD_ABANDON_HOURS * 3_600_000,
    uploadDailyBytes: e.UKUK_UPLOAD_DAILY_MB * 1024 * 1024,
    exportKeepMs: e.UKUK_EXPORT_KEEP_DAYS * 86_400_000,
    smtp: e.UKUK_SMTP_URL ? { url: e.UKUK_SMTP_URL, from: e.UKUK_SMTP_FROM ?? '' } : undefined,
  };
}

export class ConfigError extends Error {}
