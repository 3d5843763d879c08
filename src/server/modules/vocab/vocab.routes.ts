import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as S from '../../../core/schemas/vocab.ts';
import type { AppContext } from '../../platform/context.ts';
import { addTerm, getVocabulary, listVocabularies, patchTerm } from './vocab.service.ts';

const tags = ['vocab'];
const SchemeParams = z.strictObject({ scheme: S.VocabSchemeName });
const TermParams = z.strictObject({ scheme: S.VocabSchemeName, code: S.VocabTermCode });
const admin = { access: 'settings.manage' } as const;

export const vocabRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/vocab',
    { config: { access: 'session' }, schema: { tags, response: { 200: S.VocabSchemeList } } },
    async (req) => listVocabularies(ctx, req.actor),
  );
  app.get(
    '/api/vocab/:scheme',
    {
      config: { access: 'session' },
      schema: { tags, params: SchemeParams, response: { 200: S.VocabSchemeReply } },
    },
    async (req) => getVocabulary(ctx, req.actor, req.params.scheme),
  );
  app.patch(
    '/api/vocab/:scheme/:code',
    {
      config: admin,
      schema: { tags, params: TermParams, body: S.VocabTermPatch, response: { 200: S.VocabTermFull } },
    },
    async (req) => patchTerm(ctx, req.actor, req.params.scheme, req.params.code, req.body),
  );
  app.post(
    '/api/vocab/:scheme/terms',
    {
      config: admin,
      schema: { tags, params: SchemeParams, body: S.VocabTermCreate, response: { 201: S.VocabTermFull } },
    },
    async (req, reply) => reply.status(201).send(await addTerm(ctx, req.actor, req.params.scheme, req.body)),
  );
};
