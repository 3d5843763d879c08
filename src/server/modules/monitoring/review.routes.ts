import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LOCALES } from '../../../core/roles.ts';
import { Uuid } from '../../../core/schemas/common.ts';
import type { AppContext } from '../../platform/context.ts';
import { assignSubmission, listReviewers } from './review.assign.ts';
import { assignMany, matchingIds, reviewersOfMany, transitionMany } from './review.bulk.ts';
import { toCase, toViolation } from './review.convert.ts';
import { eraseSubmission, registerEraseJobs } from './review.erase.ts';
import { eraseSubmissions } from './review.erase-many.ts';
import { placeSubmission } from './review.place.ts';
import { queueCounts } from './submissions.list.ts';
import { correctAnswers } from './review.correct.ts';
import { translateSubmission } from './review.translate.ts';
import { similarReports } from './review.similar.ts';
import {
  addComment,
  lockSubmission,
  setFlags,
  transitionSubmission,
  unlockSubmission,
} from './review.service.ts';
import * as S from './submissions.schemas.ts';
import { registerAssignedEmails } from './assign.mail.ts';

const tags = ['monitoring'];
const review = { access: 'monitoring.review' } as const;
const IdParams = z.strictObject({ id: Uuid });
const ToCase = z
  .strictObject({
    type: z
      .string()
      .regex(/^[a-z0-9_.]{1,60}$/)
      .optional(),
    title: z.string().trim().max(200).optional(),
    restricted: z.boolean().optional(),
  })
  .optional();
/** A violation record from a report: restricted to its members unless asked otherwise. */
const ToViolation = z.strictObject({ restricted: z.boolean().optional() }).optional();

/** Review of submissions: lock, states, flags (triage queues), assignee, comments, and making records of them. */
export const reviewRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  registerAssignedEmails(ctx);
  registerEraseJobs(ctx);
  const one = { tags, params: IdParams, response: { 200: S.SubmissionView } };
  app.post('/api/monitoring/submissions/:id/lock', { config: review, schema: one }, async (req) =>
    lockSubmission(ctx, req.actor, req.params.id),
  );
  app.delete('/api/monitoring/submissions/:id/lock', { config: review, schema: one }, async (req) =>
    unlockSubmission(ctx, req.actor, req.params.id),
  );
  app.post(
    '/api/monitoring/submissions/:id/transition',
    { config: review, schema: { ...one, body: S.Transition } },
    async (req) => transitionSubmission(ctx, req.actor, req.params.id, req.body),
  );
  // The reports this one may repeat, for "Duplicate of…" (no answers in them).
  app.get(
    '/api/monitoring/submissions/:id/similar',
    {
      config: review,
      schema: { tags, params: IdParams, response: { 200: z.object({ items: z.array(S.SimilarReport) }) } },
    },
    async (req) => ({ items: await similarReports(ctx, req.actor, req.params.id) }),
  );
  app.post(
    '/api/monitoring/submissions/transition',
    {
      config: review,
      schema: { tags, body: S.BulkTransition, response: { 200: S.BulkTransitionResult } },
    },
    async (req) => transitionMany(ctx, req.actor, req.body),
  );
  app.post(
    '/api/monitoring/submissions/assign',
    { config: review, schema: { tags, body: S.BulkAssign, response: { 200: S.BulkTransitionResult } } },
    async (req) => assignMany(ctx, req.actor, req.body),
  );
  // The list's own filter in the address, as for the list; only ids come back.
  app.get(
    '/api/monitoring/submissions/matching',
    { config: review, schema: { tags, querystring: S.MatchingQuery, response: { 200: S.Matching } } },
    async (req) => matchingIds(ctx, req.actor, req.query),
  );
  app.get(
    '/api/monitoring/submissions/queues',
    { config: review, schema: { tags, querystring: S.QueueCountsQuery, response: { 200: S.QueueCounts } } },
    async (req) => queueCounts(ctx, req.actor, req.query),
  );
  // A POST, though it reads: a selection of up to 100 ids does not belong in an address (logs keep those).
  app.post(
    '/api/monitoring/submissions/reviewers',
    { config: review, schema: { tags, body: S.BulkIds, response: { 200: S.BulkReviewers } } },
    async (req) => reviewersOfMany(ctx, req.actor, req.body.ids),
  );
  app.patch(
    '/api/monitoring/submissions/:id/flags',
    { config: review, schema: { ...one, body: S.FlagsPatch } },
    async (req) => setFlags(ctx, req.actor, req.params.id, req.body),
  );
  app.put(
    '/api/monitoring/submissions/:id/translations/:locale',
    {
      config: review,
      schema: {
        tags,
        params: z.strictObject({ id: Uuid, locale: z.enum(LOCALES) }),
        body: S.TranslationBody,
        response: { 200: S.SubmissionView },
      },
    },
    async (req) => translateSubmission(ctx, req.actor, req.params.id, req.params.locale, req.body.text),
  );
  // A reviewer corrects answers the observer confirmed otherwise (review.correct.ts).
  app.patch(
    '/api/monitoring/submissions/:id/answers',
    { config: review, schema: { ...one, body: S.CorrectBody } },
    async (req) => correctAnswers(ctx, req.actor, req.params.id, req.body, req.locale),
  );
  // A selection: the same, under one decision for all of it (review.erase-many.ts).
  app.post(
    '/api/monitoring/submissions/erase',
    {
      config: { access: 'monitoring.erase' },
      schema: { tags, body: S.EraseMany, response: { 200: S.EraseManyResult } },
    },
    async (req) => eraseSubmissions(ctx, req.actor, req.body.ids),
  );
  // Erased at once by a sole administrator, else asked of a second one (four-eyes; review.erase.ts).
  app.post(
    '/api/monitoring/submissions/:id/erase',
    {
      config: { access: 'monitoring.erase' },
      schema: {
        tags,
        params: IdParams,
        response: { 200: z.object({ status: z.enum(['erased', 'requested']) }) },
      },
    },
    async (req) => eraseSubmission(ctx, req.actor, req.params.id),
  );
  app.put(
    '/api/monitoring/submissions/:id/place',
    { config: review, schema: { ...one, body: S.PlaceBody } },
    async (req) => placeSubmission(ctx, req.actor, req.params.id, req.body),
  );
  app.put(
    '/api/monitoring/submissions/:id/assignee',
    { config: review, schema: { ...one, body: S.AssignBody } },
    async (req) => assignSubmission(ctx, req.actor, req.params.id, req.body),
  );
  app.get(
    '/api/monitoring/submissions/:id/reviewers',
    { config: review, schema: { tags, params: IdParams, response: { 200: S.Reviewers } } },
    async (req) => ({ items: await listReviewers(ctx, req.actor, req.params.id) }),
  );
  app.post(
    '/api/monitoring/submissions/:id/comments',
    { config: review, schema: { ...one, body: S.CommentCreate } },
    async (req) => addComment(ctx, req.actor, req.params.id, req.body.body),
  );
  app.post(
    '/api/monitoring/submissions/:id/to-violation',
    {
      config: review,
      schema: {
        tags,
        params: IdParams,
        body: ToViolation,
        response: { 200: z.object({ eventId: Uuid, actCreated: z.boolean() }) },
      },
    },
    async (req) => toViolation(ctx, req.actor, req.params.id, req.locale, req.body ?? {}),
  );
  app.post(
    '/api/monitoring/submissions/:id/to-case',
    {
      config: review,
      schema: { tags, params: IdParams, body: ToCase, response: { 200: z.object({ caseId: Uuid }) } },
    },
    async (req) => toCase(ctx, req.actor, req.params.id, req.locale, req.body ?? {}),
  );
};
