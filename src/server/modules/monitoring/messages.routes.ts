import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Uuid } from '../../../core/schemas/common.ts';
import type { AppContext } from '../../platform/context.ts';
import * as S from './messages.schemas.ts';
import {
  fieldMessages,
  listMessages,
  markMessagesRead,
  sendMessage,
  withdrawMessage,
} from './messages.service.ts';

const tags = ['monitoring'];
const submitAccess = { access: 'monitoring.submit' } as const;
const review = { access: 'monitoring.review' } as const;
const IdParams = z.strictObject({ id: Uuid });

/** Coordinators' messages to observers, and the phones' side of them (ADR 0033). */
export const messageRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/monitoring/missions/:id/messages',
    { config: review, schema: { tags, params: IdParams, response: { 200: S.MissionMessages } } },
    async (req) => listMessages(ctx, req.actor, req.params.id),
  );
  app.post(
    '/api/monitoring/missions/:id/messages',
    {
      config: review,
      schema: {
        tags,
        params: IdParams,
        body: S.MessageCreate,
        response: { 201: z.object({ id: Uuid, recipients: z.number() }) },
      },
    },
    async (req, reply) => reply.code(201).send(await sendMessage(ctx, req.actor, req.params.id, req.body)),
  );
  app.post(
    '/api/monitoring/messages/:id/withdraw',
    {
      config: review,
      schema: { tags, params: IdParams, response: { 200: z.object({ ok: z.literal(true) }) } },
    },
    async (req) => {
      await withdrawMessage(ctx, req.actor, req.params.id);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/monitoring/messages',
    { config: submitAccess, schema: { tags, response: { 200: S.FieldMessages } } },
    async (req) => fieldMessages(ctx, req.actor),
  );
  app.post(
    '/api/monitoring/messages/read',
    { config: submitAccess, schema: { tags, body: S.MessagesRead, response: { 200: S.MessagesReadResult } } },
    async (req) => markMessagesRead(ctx, req.actor, req.body.ids),
  );
};
