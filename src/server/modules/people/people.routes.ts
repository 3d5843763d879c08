import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Uuid } from '../../../core/schemas/common.ts';
import * as S from '../../../core/schemas/people.ts';
import type { AppContext } from '../../platform/context.ts';
import { findMatches } from './people.match.ts';
import {
  createPerson,
  getPerson,
  listPeople,
  mergePeople,
  requireRegistry,
  updatePerson,
} from './people.service.ts';

const tags = ['people'];
const IdParams = z.strictObject({ id: Uuid });

/** The people registry: `people.read` to look people up, `people.write` to record and change them. */
export const peopleRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/api/people',
    {
      config: { access: 'people.write' },
      schema: { tags, body: S.PersonCreate, response: { 201: S.Created } },
    },
    async (req, reply) => reply.code(201).send({ id: await createPerson(ctx, req.actor, req.body) }),
  );

  app.get(
    '/api/people',
    {
      config: { access: 'people.read' },
      schema: { tags, querystring: S.PeopleQuery, response: { 200: S.PeopleList } },
    },
    async (req) => listPeople(ctx, req.actor, req.query, req.locale),
  );

  app.post(
    '/api/people/match',
    {
      config: { access: 'people.read' },
      schema: { tags, body: S.MatchBody, response: { 200: S.MatchReply } },
    },
    async (req) => {
      requireRegistry(req.actor);
      return { matches: await findMatches(ctx, req.actor, req.body, req.locale) };
    },
  );

  app.get(
    '/api/people/:id',
    { config: { access: 'people.read' }, schema: { tags, params: IdParams, response: { 200: S.Person } } },
    async (req) => getPerson(ctx, req.actor, req.params.id),
  );

  app.patch(
    '/api/people/:id',
    {
      config: { access: 'people.write' },
      schema: { tags, params: IdParams, body: S.PersonPatch, response: { 200: S.Person } },
    },
    async (req) => updatePerson(ctx, req.actor, req.params.id, req.body),
  );

  app.post(
    '/api/people/:id/merge',
    {
      config: { access: 'people.write' },
      schema: { tags, params: IdParams, body: S.MergeBody, response: { 200: S.Person } },
    },
    async (req) => mergePeople(ctx, req.actor, req.params.id, req.body.otherId),
  );
};
