import type { FastifyReply } from 'fastify';
import type { AppContext } from '../context.ts';
import { cookieNames, cookieOptions } from './request-context.ts';

export function setSessionCookie(ctx: AppContext, reply: FastifyReply, token: string): void {
  void reply.setCookie(cookieNames(ctx.config.https).session, token, cookieOptions(ctx.config.https));
}

export function clearSessionCookie(ctx: AppContext, reply: FastifyReply): void {
  void reply.clearCookie(cookieNames(ctx.config.https).session, cookieOptions(ctx.config.https));
}

export function setCsrfCookie(ctx: AppContext, reply: FastifyReply, token: string): void {
  void reply.setCookie(cookieNames(ctx.config.https).csrf, token, cookieOptions(ctx.config.https));
}
