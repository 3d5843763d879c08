import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Uuid } from '../../../core/schemas/common.ts';
import type { AppContext } from '../../platform/context.ts';
import * as S from './missions.schemas.ts';
import { listCoordinatorCandidates, setMissionCoordinators } from './missions.coordinators.ts';
import {
  createMission,
  getMission,
  listMissions,
  setMissionForms,
  updateMission,
} from './missions.service.ts';
import { createSite, deleteSite, setSiteObservers, updateSite } from './sites.service.ts';
import { importSites } from './sites.importer.ts';
import { exportSites } from './sites.export.ts';
import { attachmentDisposition } from '../../platform/files/names.ts';
import { siteContacts } from './sites.contacts.ts';
import { listObservers, listSites } from './sites.read.ts';

const tags = ['monitoring'];
const submitAccess = { access: 'monitoring.submit' } as const;
const review = { access: 'monitoring.review' } as const;
const IdParams = z.strictObject({ id: Uuid });
const Created = z.object({ id: Uuid });
const Deleted = z.object({ ok: z.literal(true) });

/** Missions, their forms and coordinators, sites and observers (issue #5 item 2). */
export const missionRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/monitoring/missions',
    { config: submitAccess, schema: { tags, response: { 200: S.MissionList } } },
    async (req) => listMissions(ctx, req.actor),
  );
  app.post(
    '/api/monitoring/missions',
    { config: review, schema: { tags, body: S.MissionCreate, response: { 201: Created } } },
    async (req, reply) => reply.code(201).send({ id: await createMission(ctx, req.actor, req.body) }),
  );
  app.get(
    '/api/monitoring/missions/:id',
    { config: submitAccess, schema: { tags, params: IdParams, response: { 200: S.Mission } } },
    async (req) => getMission(ctx, req.actor, req.params.id),
  );
  app.patch(
    '/api/monitoring/missions/:id',
    {
      config: review,
      schema: { tags, params: IdParams, body: S.MissionPatch, response: { 200: S.Mission } },
    },
    async (req) => updateMission(ctx, req.actor, req.params.id, req.body),
  );
  app.put(
    '/api/monitoring/missions/:id/forms',
    {
      config: review,
      schema: { tags, params: IdParams, body: S.MissionForms, response: { 200: S.Mission } },
    },
    async (req) => setMissionForms(ctx, req.actor, req.params.id, req.body.formVersionIds),
  );
  app.put(
    '/api/monitoring/missions/:id/coordinators',
    {
      config: review,
      schema: { tags, params: IdParams, body: S.MissionCoordinators, response: { 200: S.Mission } },
    },
    async (req) => setMissionCoordinators(ctx, req.actor, req.params.id, req.body.coordinators),
  );

  app.get(
    '/api/monitoring/missions/:id/sites',
    {
      config: submitAccess,
      schema: { tags, params: IdParams, querystring: S.SitesQuery, response: { 200: S.SiteList } },
    },
    async (req) => listSites(ctx, req.actor, req.params.id, req.query),
  );
  app.post(
    '/api/monitoring/missions/:id/sites',
    { config: review, schema: { tags, params: IdParams, body: S.SiteCreate, response: { 201: Created } } },
    async (req, reply) =>
      reply.code(201).send({ id: await createSite(ctx, req.actor, req.params.id, req.body) }),
  );
  app.post(
    '/api/monitoring/missions/:id/sites/import',
    {
      config: review,
      schema: { tags, params: IdParams, body: S.SitesImport, response: { 200: S.SitesImported } },
    },
    async (req) => importSites(ctx, req.actor, req.params.id, req.body.csv),
  );
  app.get(
    '/api/monitoring/missions/:id/sites.csv',
    { config: review, schema: { tags, params: IdParams } },
    async (req, reply) => {
      const d = await exportSites(ctx, req.actor, req.params.id);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', attachmentDisposition(d.filename))
        .header('cache-control', 'no-store')
        .send(d.csv);
    },
  );
  app.patch(
    '/api/monitoring/sites/:id',
    { config: review, schema: { tags, params: IdParams, body: S.SitePatch, response: { 200: S.Site } } },
    async (req) => updateSite(ctx, req.actor, req.params.id, req.body),
  );
  app.delete(
    '/api/monitoring/sites/:id',
    { config: review, schema: { tags, params: IdParams, response: { 200: Deleted } } },
    async (req) => {
      await deleteSite(ctx, req.actor, req.params.id);
      return { ok: true as const };
    },
  );
  app.put(
    '/api/monitoring/sites/:id/observers',
    { config: review, schema: { tags, params: IdParams, body: S.SiteObservers, response: { 200: S.Site } } },
    async (req) => setSiteObservers(ctx, req.actor, req.params.id, req.body.userIds),
  );
  app.get(
    '/api/monitoring/sites/:id/contacts',
    { config: review, schema: { tags, params: IdParams, response: { 200: S.SiteContacts } } },
    async (req) => siteContacts(ctx, req.actor, req.params.id),
  );
  app.get(
    '/api/monitoring/observers',
    { config: review, schema: { tags, response: { 200: S.Observers } } },
    async (req) => listObservers(ctx, req.actor),
  );
  app.get(
    '/api/monitoring/coordinators',
    { config: review, schema: { tags, response: { 200: S.CoordinatorCandidates } } },
    async (req) => listCoordinatorCandidates(ctx, req.actor),
  );
};
