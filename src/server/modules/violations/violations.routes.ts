import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Uuid } from '../../../core/schemas/common.ts';
import { Created } from '../../../core/schemas/people.ts';
import * as S from '../../../core/schemas/violations.ts';
import type { AppContext } from '../../platform/context.ts';
import { createAct, deleteAct, updateAct } from './acts.service.ts';
import { addChain, addInformation, addIntervention, addInvolvement, deletePart } from './parts.service.ts';
import { linkActToCase, unlinkActFromCase } from './violations.caselinks.ts';
import { assignableEventUsers, removeEventMemberAndShow, setEventMember } from './violations.members.ts';
import { personViolations } from './violations.people.ts';
import { createEvent, getEvent, listEvents, updateEvent } from './violations.service.ts';

const tags = ['violations'];
const IdParams = z.strictObject({ id: Uuid });
const ActParams = z.strictObject({ actId: Uuid });
const read = { access: 'violations.read' } as const;
/** Answer to a member who removed themselves from an event they can no longer see. */
const LeftEvent = z.object({ left: z.literal(true) });
const write = { access: 'violations.write' } as const;
const PART_TABLES = {
  involvements: 'vio_involvements',
  information: 'vio_information',
  interventions: 'vio_interventions',
  chain: 'vio_chain',
} as const;

/**
 * Events, acts and their parts (issue #4). Reads need `violations.read`, changes `violations.write`;
 * the services add the need-to-know rule of each event (violations.access.ts).
 */
export const violationsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/api/violations/events',
    { config: write, schema: { tags, body: S.EventCreate, response: { 201: Created } } },
    async (req, reply) => reply.code(201).send({ id: await createEvent(ctx, req.actor, req.body) }),
  );
  app.get(
    '/api/violations/events',
    { config: read, schema: { tags, querystring: S.EventsQuery, response: { 200: S.EventList } } },
    async (req) => listEvents(ctx, req.actor, req.query),
  );
  app.get(
    '/api/violations/assignable-users',
    {
      config: read,
      schema: {
        tags,
        response: {
          200: z.object({ items: z.array(z.object({ id: Uuid, name: z.string(), role: z.string() })) }),
        },
      },
    },
    async (req) => ({ items: await assignableEventUsers(ctx, req.actor) }),
  );
  app.get(
    '/api/violations/events/:id',
    { config: read, schema: { tags, params: IdParams, response: { 200: S.Event } } },
    async (req) => getEvent(ctx, req.actor, req.params.id),
  );
  app.patch(
    '/api/violations/events/:id',
    { config: write, schema: { tags, params: IdParams, body: S.EventPatch, response: { 200: S.Event } } },
    async (req) => updateEvent(ctx, req.actor, req.params.id, req.body),
  );

  app.post(
    '/api/violations/events/:id/acts',
    { config: write, schema: { tags, params: IdParams, body: S.ActCreate, response: { 201: Created } } },
    async (req, reply) =>
      reply.code(201).send({ id: await createAct(ctx, req.actor, req.params.id, req.body) }),
  );
  app.patch(
    '/api/violations/acts/:actId',
    { config: write, schema: { tags, params: ActParams, body: S.ActPatch, response: { 200: S.Event } } },
    async (req) =>
      getEvent(ctx, req.actor, await updateAct(ctx, req.actor, req.params.actId, req.body), false),
  );
  app.delete(
    '/api/violations/acts/:actId',
    { config: write, schema: { tags, params: ActParams, response: { 200: S.Event } } },
    async (req) => getEvent(ctx, req.actor, await deleteAct(ctx, req.actor, req.params.actId), false),
  );

  app.post(
    '/api/violations/acts/:actId/involvements',
    {
      config: write,
      schema: { tags, params: ActParams, body: S.InvolvementCreate, response: { 201: Created } },
    },
    async (req, reply) =>
      reply.code(201).send({ id: await addInvolvement(ctx, req.actor, req.params.actId, req.body) }),
  );
  app.post(
    '/api/violations/events/:id/information',
    {
      config: write,
      schema: { tags, params: IdParams, body: S.InformationCreate, response: { 201: Created } },
    },
    async (req, reply) =>
      reply.code(201).send({ id: await addInformation(ctx, req.actor, req.params.id, req.body) }),
  );
  app.post(
    '/api/violations/events/:id/interventions',
    {
      config: write,
      schema: { tags, params: IdParams, body: S.InterventionCreate, response: { 201: Created } },
    },
    async (req, reply) =>
      reply.code(201).send({ id: await addIntervention(ctx, req.actor, req.params.id, req.body) }),
  );
  app.post(
    '/api/violations/events/:id/chain',
    { config: write, schema: { tags, params: IdParams, body: S.ChainCreate, response: { 201: Created } } },
    async (req, reply) =>
      reply.code(201).send({ id: await addChain(ctx, req.actor, req.params.id, req.body) }),
  );
  for (const [segment, table] of Object.entries(PART_TABLES))
    app.delete(
      `/api/violations/${segment}/:id`,
      { config: write, schema: { tags, params: IdParams, response: { 200: S.Event } } },
      async (req) => getEvent(ctx, req.actor, await deletePart(ctx, req.actor, table, req.params.id), false),
    );

  app.put(
    '/api/violations/events/:id/members',
    { config: read, schema: { tags, params: IdParams, body: S.EventMemberBody, response: { 200: S.Event } } },
    async (req) => {
      await setEventMember(ctx, req.actor, req.params.id, req.body);
      return getEvent(ctx, req.actor, req.params.id, false);
    },
  );
  app.delete(
    '/api/violations/events/:id/members/:userId',
    {
      config: read,
      schema: {
        tags,
        params: z.strictObject({ id: Uuid, userId: Uuid }),
        response: { 200: z.union([S.Event, LeftEvent]) },
      },
    },
    async (req) => removeEventMemberAndShow(ctx, req.actor, req.params.id, req.params.userId),
  );

  // Linking an act to a legal case from this side needs edit rights on the case (a lawyer on its team).
  const CaseLink = z.strictObject({ caseId: Uuid });
  app.post(
    '/api/violations/acts/:actId/cases',
    { config: read, schema: { tags, params: ActParams, body: CaseLink, response: { 200: S.Event } } },
    async (req) =>
      getEvent(ctx, req.actor, await linkActToCase(ctx, req.actor, req.params.actId, req.body.caseId), false),
  );
  app.delete(
    '/api/violations/acts/:actId/cases/:caseId',
    {
      config: read,
      schema: { tags, params: z.strictObject({ actId: Uuid, caseId: Uuid }), response: { 200: S.Event } },
    },
    async (req) =>
      getEvent(
        ctx,
        req.actor,
        await unlinkActFromCase(ctx, req.actor, req.params.actId, req.params.caseId),
        false,
      ),
  );

  app.get(
    '/api/people/:id/violations',
    { config: read, schema: { tags, params: IdParams, response: { 200: S.PersonViolationRoles } } },
    async (req) => personViolations(ctx, req.actor, req.params.id),
  );
};
