import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as S from '../../../core/schemas/calendar.ts';
import { Ok, Uuid } from '../../../core/schemas/common.ts';
import type { AppContext } from '../../platform/context.ts';
import { createFeed, feedStatus, getCalendar, renderFeed, revokeFeed } from './calendar.service.ts';
import { cancelHearing, createHearing, listCaseHearings, updateHearing } from './hearings.service.ts';
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from './notifications.service.ts';

const tags = ['calendar'];
const IdParams = z.strictObject({ id: Uuid });

/** Hearings and deadlines of cases, calendars, the private iCalendar feed and notifications. */
export const calendarRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/api/cases/:id/hearings',
    {
      config: { access: 'cases.write' },
      schema: { tags, params: IdParams, body: S.HearingCreate, response: { 201: S.HearingSaved } },
    },
    async (req, reply) => reply.code(201).send(await createHearing(ctx, req.actor, req.params.id, req.body)),
  );

  app.get(
    '/api/cases/:id/hearings',
    {
      config: { access: 'cases.read' },
      schema: { tags, params: IdParams, response: { 200: S.HearingList } },
    },
    async (req) => ({ items: await listCaseHearings(ctx, req.actor, req.params.id) }),
  );

  app.patch(
    '/api/hearings/:id',
    {
      config: { access: 'cases.write' },
      schema: { tags, params: IdParams, body: S.HearingPatch, response: { 200: S.HearingSaved } },
    },
    async (req) => updateHearing(ctx, req.actor, req.params.id, req.body),
  );

  app.post(
    '/api/hearings/:id/cancel',
    { config: { access: 'cases.write' }, schema: { tags, params: IdParams, response: { 200: Ok } } },
    async (req) => {
      await cancelHearing(ctx, req.actor, req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/calendar',
    {
      config: { access: 'cases.read' },
      schema: { tags, querystring: S.CalendarQuery, response: { 200: S.CalendarReply } },
    },
    async (req) => getCalendar(ctx, req.actor, req.query),
  );

  app.get(
    '/api/calendar/feed',
    { config: { access: 'cases.read' }, schema: { tags, response: { 200: S.FeedStatus } } },
    async (req) => feedStatus(ctx, req.actor),
  );

  app.post(
    '/api/calendar/feed',
    {
      config: { access: 'cases.read' },
      schema: { tags, body: S.FeedBody, response: { 200: S.FeedCreated } },
    },
    async (req) => {
      const f = await createFeed(ctx, req.actor, req.body.scope);
      const base = ctx.config.publicUrl?.replace(/\/+$/, '') ?? `${req.protocol}://${req.host}`;
      return { url: `${base}/api/calendar/feed/${f.token}`, scope: f.scope, createdAt: f.createdAt };
    },
  );

  app.delete(
    '/api/calendar/feed',
    { config: { access: 'cases.read' }, schema: { tags, response: { 200: Ok } } },
    async (req) => {
      await revokeFeed(ctx, req.actor);
      return { ok: true as const };
    },
  );

  // Public: calendar apps cannot log in. The 256-bit token is the credential; a wrong one is a 404.
  app.get(
    '/api/calendar/feed/:token',
    { config: { access: 'public' }, schema: { tags, params: S.FeedToken } },
    async (req, reply) =>
      reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', 'inline; filename="ukuk.ics"')
        .header('referrer-policy', 'no-referrer')
        .send(await renderFeed(ctx, req.params.token)),
  );

  app.get(
    '/api/notifications',
    { config: { access: 'session' }, schema: { tags, response: { 200: S.NotificationList } } },
    async (req) => listNotifications(ctx, req.actor),
  );

  app.post(
    '/api/notifications/read-all',
    {
      config: { access: 'session' },
      schema: { tags, response: { 200: z.object({ count: z.number() }) } },
    },
    async (req) => ({ count: await markAllNotificationsRead(ctx, req.actor) }),
  );

  app.post(
    '/api/notifications/:id/read',
    { config: { access: 'session' }, schema: { tags, params: IdParams, response: { 200: Ok } } },
    async (req) => {
      await markNotificationRead(ctx, req.actor, req.params.id);
      return { ok: true as const };
    },
  );
};
