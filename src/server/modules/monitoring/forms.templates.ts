import fs from 'node:fs';
import path from 'node:path';
import { PostgresAdapter, sql } from 'kysely';
import { validateDefinition } from '../../../core/forms/schema.ts';
import type { FormDefinition } from '../../../core/forms/types.ts';
import { uuidv7 } from '../../../core/ids.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Db, DbKind, Executor } from '../../platform/db/db.ts';
import { formsRepo, storedDefinition, type FormRow } from './forms.repo.ts';
import { appPath } from '../../platform/paths.ts';

/**
 * The shipped form templates (templates/*.json), imported at every start like the vocabularies:
 * idempotent and race-safe (one transaction; on PostgreSQL under an advisory lock), each as a form
 * with a stable `key` and a published version 1. A template already there is never touched — an
 * administrator may have edited it (version 2…); a later release's changes to a template file are
 * not forced onto an existing installation.
 */
export const TEMPLATE_KEYS = [
  'election_day',
  'detention_visit',
  'trial',
  'assembly',
  'incident',
  'public_incident',
  'detention_incident',
] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

const PG_FORMS_LOCK = 0x666f726d; // "form"
const DIR = appPath('src', 'server', 'modules', 'monitoring', 'templates');

/** A shipped template; `hash` is its definition's hash as stored (`storedDefinition`). */
export interface ShippedTemplate {
  key: TemplateKey;
  definition: FormDefinition;
  hash: string;
}

let shipped: ShippedTemplate[] | undefined;

/** The shipped templates, checked: a broken template file stops the start, not a later request. */
export function shippedTemplates(): ShippedTemplate[] {
  shipped ??= TEMPLATE_KEYS.map((key) => {
    const raw = JSON.parse(fs.readFileSync(path.join(DIR, `${key}.json`), 'utf8')) as {
      key: string;
      definition: unknown;
    };
    const r = validateDefinition(raw.definition);
    if (raw.key !== key || !r.ok) {
      throw new Error(`form template ${key} is not valid: ${JSON.stringify(r.ok ? raw.key : r.issues)}`);
    }
    return { key, definition: r.definition, hash: storedDefinition(r.definition).definition_hash };
  });
  return shipped;
}

export function shippedTemplate(key: string | null): ShippedTemplate | undefined {
  return key ? shippedTemplates().find((t) => t.key === key) : undefined;
}

/**
 * Whether to offer the shipped template to a form (ADR 0022): it is a template form, not archived,
 * the shipped definition differs from its latest published version, and this installation has not
 * already taken or turned down that very definition (`forms.template_hash`).
 */
export function templateNewer(
  f: Pick<FormRow, 'key' | 'archived' | 'template_hash'>,
  publishedHash: string | undefined,
): boolean {
  const s = shippedTemplate(f.key);
  return !!s && f.archived === 0 && s.hash !== publishedHash && s.hash !== f.template_hash;
}

async function missing(db: Executor): Promise<TemplateKey[]> {
  const rows = await db.selectFrom('forms').select('key').where('key', 'in', TEMPLATE_KEYS).execute();
  const have = new Set(rows.map((r) => r.key));
  return TEMPLATE_KEYS.filter((k) => !have.has(k));
}

/** Import the templates that are not there yet; answers the keys it imported. */
export async function seedFormTemplates(db: Db): Promise<string[]> {
  if ((await missing(db)).length === 0) return [];
  const templates = shippedTemplates();
  const kind: DbKind = db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
  return db.transaction().execute(async (tx) => {
    if (kind === 'postgres') await sql`select pg_advisory_xact_lock(${PG_FORMS_LOCK})`.execute(tx);
    // SQLite: take the write lock first, so a second process starting now waits instead of failing.
    else await sql`update forms set archived = archived where 1 = 0`.execute(tx);
    const todo = new Set(await missing(tx)); // again, under the lock
    const now = new Date().toISOString();
    const imported: string[] = [];
    for (const t of templates) {
      if (!todo.has(t.key)) continue;
      const id = uuidv7();
      await formsRepo.insertForm(tx, {
        id,
        key: t.key,
        kind: t.definition.kind,
        title: JSON.stringify(t.definition.title),
        origin: 'template',
        archived: 0,
        template_hash: t.hash,
        created_by: null,
        created_at: now,
        updated_at: now,
      });
      await formsRepo.insertVersion(tx, {
        id: uuidv7(),
        form_id: id,
        version: 1,
        status: 'published',
        ...storedDefinition(t.definition),
        created_by: null,
        created_at: now,
        published_at: now,
        published_by: null,
      });
      imported.push(t.key);
    }
    if (imported.length) {
      await appendAudit(tx, kind, {
        actorId: null,
        action: 'forms.template_import',
        entityType: 'form',
        details: { keys: imported },
      });
    }
    return imported;
  });
}

/** The id of a shipped template's form (e.g. the demo mission's checklist, the public form). */
export async function templateFormId(db: Executor, key: TemplateKey): Promise<string | undefined> {
  return (await formsRepo.findFormByKey(db, key))?.id;
}

/** The newest published version of a shipped template (what a mission or the public form uses). */
export async function templateVersionId(db: Executor, key: TemplateKey): Promise<string | undefined> {
  const id = await templateFormId(db, key);
  return id ? (await formsRepo.latestPublished(db, id))?.id : undefined;
}
