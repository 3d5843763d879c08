import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Uuid } from '../../../core/schemas/common.ts';
import * as S from '../../../core/schemas/cases.ts';
import { Created } from '../../../core/schemas/people.ts';
import type { AppContext } from '../../platform/context.ts';
import {
  conflictCheck,
  createIntake,
  decideIntake,
  getIntake,
  getRules,
  listIntakes,
  setRules,
  updateIntake,
} from './intake.service.ts';

const tags = ['intake'];
const IdParams = z.strictObject({ id: Uuid });
const write = { access: 'cases.write' } as const;

export const intakeRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/api/intakes',
    { config: write, schema: { tags, body: S.IntakeCreate, response: { 201: Created } } },
    async (req, reply) => reply.code(201).send({ id: await createIntake(ctx, req.actor, req.body.personId) }),
  );
  app.get(
    '/api/intakes',
    {
      config: write,
      schema: {
        tags,
        querystring: z.strictObject({ status: z.enum(['draft', 'decided']).optional() }),
        response: { 200: z.object({ items: z.array(S.IntakeSummary) }) },
      },
    },
    async (req) => ({ items: await listIntakes(ctx, req.actor, req.query.status) }),
  );
  app.get(
    '/api/intakes/:id',
    { config: write, schema: { tags, params: IdParams, response: { 200: S.Intake } } },
    async (req) => getIntake(ctx, req.actor, req.params.id),
  );
  app.patch(
    '/api/intakes/:id',
    { config: write, schema: { tags, params: IdParams, body: S.IntakePatch, response: { 200: S.Intake } } },
    async (req) => updateIntake(ctx, req.actor, req.params.id, req.body),
  );
  app.post(
    '/api/intakes/:id/conflict-check',
    { config: write, schema: { tags, params: IdParams, response: { 200: S.Intake } } },
    async (req) => conflictCheck(ctx, req.actor, req.params.id, req.locale),
  );
  app.post(
    '/api/intakes/:id/decision',
    { config: write, schema: { tags, params: IdParams, body: S.DecisionBody, response: { 200: S.Intake } } },
    async (req) => decideIntake(ctx, req.actor, req.params.id, req.body),
  );
  app.get(
    '/api/settings/eligibility',
    { config: { access: 'cases.read' }, schema: { tags, response: { 200: S.EligibilityRules } } },
    async (req) => getRules(ctx, req.actor),
  );
  app.put(
    '/api/settings/eligibility',
    {
      config: { access: 'settings.manage' },
      schema: { tags, body: S.EligibilityRules, response: { 200: S.EligibilityRules } },
    },
    async (req) => setRules(ctx, req.actor, req.body),
  );
};
