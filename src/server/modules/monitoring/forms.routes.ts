import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as A from '../../../core/forms/api.ts';
import { Ok } from '../../../core/schemas/common.ts';
import type { AppContext } from '../../platform/context.ts';
import { attachmentDisposition } from '../../platform/files/names.ts';
import {
  createForm,
  exportForm,
  getForm,
  getFormVersion,
  listForms,
  publishForm,
  saveDraft,
  setArchived,
} from './forms.service.ts';
import { dismissShippedTemplate, loadShippedTemplate } from './forms.shipped.ts';

const tags = ['monitoring'];
const manage = { access: 'monitoring.review' } as const;
// Observers read the versions they are assigned to; the service applies that record rule.
const submit = { access: 'monitoring.submit' } as const;

/** Form templates, versions, import/export (issue #5). Rules live in forms.service.ts. */
export const formsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/monitoring/forms',
    { config: manage, schema: { tags, querystring: A.FormsQuery, response: { 200: A.FormList } } },
    async (req) => listForms(ctx, req.actor, req.query.archived === '1'),
  );
  app.post(
    '/api/monitoring/forms',
    {
      config: manage,
      schema: { tags, body: A.FormDefinitionBody, response: { 201: A.FormCreated } },
    },
    async (req, reply) => reply.code(201).send(await createForm(ctx, req.actor, req.body.definition)),
  );
  app.post(
    '/api/monitoring/forms/import',
    { config: manage, schema: { tags, body: A.FormExport, response: { 201: A.FormCreated } } },
    async (req, reply) =>
      reply.code(201).send(await createForm(ctx, req.actor, req.body.definition, 'import')),
  );
  app.get(
    '/api/monitoring/forms/:id',
    { config: manage, schema: { tags, params: A.FormIdParams, response: { 200: A.FormDetail } } },
    async (req) => getForm(ctx, req.actor, req.params.id),
  );
  app.put(
    '/api/monitoring/forms/:id/draft',
    {
      config: manage,
      schema: { tags, params: A.FormIdParams, body: A.FormDefinitionBody, response: { 200: A.VersionRef } },
    },
    async (req) => saveDraft(ctx, req.actor, req.params.id, req.body.definition),
  );
  app.post(
    '/api/monitoring/forms/:id/publish',
    { config: manage, schema: { tags, params: A.FormIdParams, response: { 200: A.VersionRef } } },
    async (req) => publishForm(ctx, req.actor, req.params.id),
  );
  app.post(
    '/api/monitoring/forms/:id/template/load',
    {
      config: manage,
      schema: { tags, params: A.FormIdParams, body: A.TemplateLoadBody, response: { 200: A.VersionRef } },
    },
    async (req) => loadShippedTemplate(ctx, req.actor, req.params.id, req.body.replaceDraft === true),
  );
  app.post(
    '/api/monitoring/forms/:id/template/dismiss',
    { config: manage, schema: { tags, params: A.FormIdParams, response: { 200: Ok } } },
    async (req) => (await dismissShippedTemplate(ctx, req.actor, req.params.id), { ok: true as const }),
  );
  app.get(
    '/api/monitoring/forms/:id/export',
    { config: manage, schema: { tags, params: A.FormIdParams, response: { 200: A.FormExport } } },
    async (req, reply) => {
      const { body, filename } = await exportForm(ctx, req.actor, req.params.id);
      return reply
        .header('content-disposition', attachmentDisposition(filename))
        .header('cache-control', 'no-store')
        .send(body);
    },
  );
  app.post(
    '/api/monitoring/forms/:id/archive',
    { config: manage, schema: { tags, params: A.FormIdParams, response: { 200: Ok } } },
    async (req) => (await setArchived(ctx, req.actor, req.params.id, true), { ok: true as const }),
  );
  app.post(
    '/api/monitoring/forms/:id/unarchive',
    { config: manage, schema: { tags, params: A.FormIdParams, response: { 200: Ok } } },
    async (req) => (await setArchived(ctx, req.actor, req.params.id, false), { ok: true as const }),
  );
  app.get(
    '/api/monitoring/form-versions/:id',
    { config: submit, schema: { tags, params: A.FormIdParams, response: { 200: A.FormVersionReply } } },
    async (req) => getFormVersion(ctx, req.actor, req.params.id),
  );
};
