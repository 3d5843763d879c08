import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Uuid } from '../../../core/schemas/common.ts';
import * as S from '../../../core/schemas/cases.ts';
import { Created } from '../../../core/schemas/people.ts';
import type { AppContext } from '../../platform/context.ts';
import { assignableUsers, createCase, getCase, listCases, updateCase } from './cases.service.ts';
import { getStats } from './cases.stats.ts';
import {
  addCasePerson,
  addLink,
  addMember,
  closeCase,
  removeCasePerson,
  removeLink,
  removeMember,
  reopenCase,
} from './cases.team.ts';
import {
  addNote,
  addTask,
  addTime,
  listNotes,
  listTasks,
  listTime,
  listTimeline,
  setTaskDone,
} from './cases.work.ts';

const tags = ['cases'];
const IdParams = z.strictObject({ id: Uuid });
const read = { access: 'cases.read' } as const;

export const casesRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/api/cases',
    { config: { access: 'cases.write' }, schema: { tags, body: S.CaseCreate, response: { 201: Created } } },
    async (req, reply) => reply.code(201).send({ id: await createCase(ctx, req.actor, req.body) }),
  );
  app.get(
    '/api/cases',
    { config: read, schema: { tags, querystring: S.CasesQuery, response: { 200: S.CaseList } } },
    async (req) => listCases(ctx, req.actor, req.query),
  );
  app.get(
    '/api/cases/stats',
    {
      config: { access: 'reports.read' },
      schema: { tags, querystring: S.StatsQuery, response: { 200: S.Stats } },
    },
    async (req) => getStats(ctx, req.actor, req.query.year, req.locale),
  );
  app.get(
    '/api/cases/assignable-users',
    {
      config: read,
      schema: {
        tags,
        response: {
          200: z.object({ items: z.array(z.object({ id: Uuid, name: z.string(), role: z.string() })) }),
        },
      },
    },
    async (req) => ({ items: await assignableUsers(ctx, req.actor) }),
  );
  app.get(
    '/api/cases/:id',
    { config: read, schema: { tags, params: IdParams, response: { 200: S.Case } } },
    async (req) => getCase(ctx, req.actor, req.params.id),
  );
  app.patch(
    '/api/cases/:id',
    { config: read, schema: { tags, params: IdParams, body: S.CasePatch, response: { 200: S.Case } } },
    async (req) => updateCase(ctx, req.actor, req.params.id, req.body),
  );

  app.post(
    '/api/cases/:id/members',
    { config: read, schema: { tags, params: IdParams, body: S.MemberBody, response: { 200: S.Case } } },
    async (req) => addMember(ctx, req.actor, req.params.id, req.body),
  );
  app.delete(
    '/api/cases/:id/members/:userId',
    {
      config: read,
      schema: { tags, params: z.strictObject({ id: Uuid, userId: Uuid }), response: { 200: S.Case } },
    },
    async (req) => removeMember(ctx, req.actor, req.params.id, req.params.userId),
  );
  app.post(
    '/api/cases/:id/people',
    { config: read, schema: { tags, params: IdParams, body: S.CasePersonBody, response: { 200: S.Case } } },
    async (req) => addCasePerson(ctx, req.actor, req.params.id, req.body),
  );
  app.delete(
    '/api/cases/:id/people/:linkId',
    {
      config: read,
      schema: { tags, params: z.strictObject({ id: Uuid, linkId: Uuid }), response: { 200: S.Case } },
    },
    async (req) => removeCasePerson(ctx, req.actor, req.params.id, req.params.linkId),
  );
  app.post(
    '/api/cases/:id/links',
    { config: read, schema: { tags, params: IdParams, body: S.LinkBody, response: { 200: S.Case } } },
    async (req) => addLink(ctx, req.actor, req.params.id, req.body),
  );
  app.delete(
    '/api/cases/:id/links/:kind/:targetId',
    {
      config: read,
      schema: {
        tags,
        params: z.strictObject({ id: Uuid, kind: z.enum(S.LINK_KINDS), targetId: Uuid }),
        response: { 200: S.Case },
      },
    },
    async (req) => removeLink(ctx, req.actor, req.params.id, req.params.kind, req.params.targetId),
  );
  app.post(
    '/api/cases/:id/close',
    { config: read, schema: { tags, params: IdParams, body: S.CloseBody, response: { 200: S.Case } } },
    async (req) => closeCase(ctx, req.actor, req.params.id, req.body),
  );
  app.post(
    '/api/cases/:id/reopen',
    { config: read, schema: { tags, params: IdParams, body: S.ReopenBody, response: { 200: S.Case } } },
    async (req) => reopenCase(ctx, req.actor, req.params.id, req.body),
  );

  app.get(
    '/api/cases/:id/notes',
    {
      config: read,
      schema: { tags, params: IdParams, response: { 200: z.object({ items: z.array(S.Note) }) } },
    },
    async (req) => ({ items: await listNotes(ctx, req.actor, req.params.id) }),
  );
  app.post(
    '/api/cases/:id/notes',
    { config: read, schema: { tags, params: IdParams, body: S.NoteBody, response: { 201: Created } } },
    async (req, reply) =>
      reply.code(201).send({ id: await addNote(ctx, req.actor, req.params.id, req.body.body) }),
  );
  app.get(
    '/api/cases/:id/tasks',
    {
      config: read,
      schema: { tags, params: IdParams, response: { 200: z.object({ items: z.array(S.Task) }) } },
    },
    async (req) => ({ items: await listTasks(ctx, req.actor, req.params.id) }),
  );
  app.post(
    '/api/cases/:id/tasks',
    { config: read, schema: { tags, params: IdParams, body: S.TaskBody, response: { 201: Created } } },
    async (req, reply) =>
      reply.code(201).send({ id: await addTask(ctx, req.actor, req.params.id, req.body) }),
  );
  app.patch(
    '/api/cases/:id/tasks/:taskId',
    {
      config: read,
      schema: {
        tags,
        params: z.strictObject({ id: Uuid, taskId: Uuid }),
        body: S.TaskPatch,
        response: { 200: S.Task },
      },
    },
    async (req) => setTaskDone(ctx, req.actor, req.params.id, req.params.taskId, req.body.done),
  );
  app.get(
    '/api/cases/:id/time',
    {
      config: read,
      schema: {
        tags,
        params: IdParams,
        response: { 200: z.object({ items: z.array(S.TimeEntry), totalMinutes: z.number() }) },
      },
    },
    async (req) => listTime(ctx, req.actor, req.params.id),
  );
  app.post(
    '/api/cases/:id/time',
    { config: read, schema: { tags, params: IdParams, body: S.TimeBody, response: { 201: Created } } },
    async (req, reply) =>
      reply.code(201).send({ id: await addTime(ctx, req.actor, req.params.id, req.body) }),
  );
  app.get(
    '/api/cases/:id/timeline',
    {
      config: read,
      schema: { tags, params: IdParams, response: { 200: z.object({ items: z.array(S.TimelineEntry) }) } },
    },
    async (req) => ({ items: await listTimeline(ctx, req.actor, req.params.id) }),
  );
};
