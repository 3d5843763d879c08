import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { VocabReply } from '../../../core/schemas/cases.ts';
import type { AppContext } from '../../platform/context.ts';
import { getVocabulary } from './vocab.service.ts';

export const vocabRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/vocab/:scheme',
    {
      config: { access: 'session' },
      schema: {
        tags: ['vocab'],
        params: z.strictObject({ scheme: z.string().regex(/^[a-z0-9_]{1,40}$/) }),
        response: { 200: VocabReply },
      },
    },
    async (req) => getVocabulary(ctx, req.actor, req.params.scheme),
  );
};
