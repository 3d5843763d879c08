import { z } from 'zod';
import { FIELD_TYPES, FORM_KINDS } from './types.ts';

/**
 * Request and reply shapes of the forms API (`/api/monitoring/forms…`, `/api/monitoring/form-versions`).
 * A definition travels as a plain JSON object: the server checks it with `validateDefinition`, so a
 * bad one answers `forms.definition_invalid` with every problem's path, not a generic validation error.
 */
const Id = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
const L10nOut = z.object({ ky: z.string(), ru: z.string(), en: z.string() });
export const DefinitionJson = z.record(z.string(), z.unknown());
export const VERSION_STATUSES = ['draft', 'published'] as const;
const Status = z.enum(VERSION_STATUSES);
const Origin = z.enum(['template', 'custom']);

export const FormIdParams = z.strictObject({ id: Id });
export const FormDefinitionBody = z.strictObject({ definition: DefinitionJson });
export const FormExport = z.strictObject({
  format: z.literal('ukuk-form'),
  formatVersion: z.literal(1),
  definition: DefinitionJson,
});
export const FormsQuery = z.strictObject({ archived: z.enum(['0', '1']).optional() });

export const FormCreated = z.object({ id: Id, versionId: Id });
export const VersionRef = z.object({ versionId: Id, version: z.number().int() });

export const FormListItem = z.object({
  id: Id,
  key: z.string().nullable(),
  kind: z.enum(FORM_KINDS),
  title: L10nOut,
  origin: Origin,
  archived: z.boolean(),
  latestVersion: z.object({ id: Id, version: z.number().int(), status: Status }),
  publishedVersionId: Id.nullable(),
  /** The shipped template differs from this form and was neither taken nor turned down (ADR 0022). */
  templateUpdate: z.boolean(),
  /** This user may change it (drafts, publishing, archiving): the public form is administrators' only. */
  editable: z.boolean(),
  updatedAt: z.string(),
});
export const FormList = z.object({ items: z.array(FormListItem) });

const VersionBody = z.object({ id: Id, version: z.number().int(), definition: DefinitionJson });
export const FormDetail = z.object({
  id: Id,
  key: z.string().nullable(),
  kind: z.enum(FORM_KINDS),
  title: L10nOut,
  origin: Origin,
  archived: z.boolean(),
  versions: z.array(
    z.object({
      id: Id,
      version: z.number().int(),
      status: Status,
      publishedAt: z.string().nullable(),
      publishedBy: z.string().nullable(),
    }),
  ),
  draft: VersionBody.nullable(),
  published: VersionBody.nullable(),
  templateUpdate: z.boolean(),
  editable: z.boolean(),
});
/** Load the shipped template as the draft; an open draft is replaced only when asked. */
export const TemplateLoadBody = z.strictObject({ replaceDraft: z.boolean().optional() });

export const FlatFieldOut = z.object({
  key: z.string(),
  type: z.enum(FIELD_TYPES),
  required: z.boolean(),
  options: z.array(z.string()),
  parent: z.string().optional(),
  section: z.string(),
  label: L10nOut.optional(),
});
export const FormVersionReply = z.object({
  id: Id,
  formId: Id,
  version: z.number().int(),
  status: Status,
  kind: z.enum(FORM_KINDS),
  fields: z.array(FlatFieldOut),
  definition: DefinitionJson,
});
