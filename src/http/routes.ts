import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z, type ZodTypeAny } from 'zod';
import { zodToJsonSchema } from 'zod-to-json-schema';
import type { Session, User } from '../app/auth.js';
import { AppError } from '../app/errors.js';
import type { Role } from '../store/schema.js';
import { replyWithError } from './errors.js';

export type Access = 'public' | 'user' | readonly Role[];

export interface RouteContext<P, Q, B> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  readonly user: User | null;
  readonly session: Session | null;
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
}

export interface RouteDef<P extends ZodTypeAny, Q extends ZodTypeAny, B extends ZodTypeAny> {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  readonly url: string;
  readonly summary: string;
  readonly tag: string;
  readonly access: Access;
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  /** Documented in OpenAPI; multipart uploads describe their form here. */
  readonly bodyContentType?: 'application/json' | 'multipart/form-data';
  readonly response?: ZodTypeAny;
  readonly status?: number;
  readonly handler: (ctx: RouteContext<z.infer<P>, z.infer<Q>, z.infer<B>>) => Promise<unknown>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteDef<any, any, any>;

export function route<
  P extends ZodTypeAny = z.ZodUndefined,
  Q extends ZodTypeAny = z.ZodUndefined,
  B extends ZodTypeAny = z.ZodUndefined,
>(def: RouteDef<P, Q, B>): RouteDef<P, Q, B> {
  return def;
}

declare module 'fastify' {
  interface FastifyRequest {
    session: Session | null;
  }
}

function allowed(access: Access, user: User | null): boolean {
  if (access === 'public') return true;
  if (!user) return false;
  if (access === 'user') return true;
  return access.includes(user.role);
}

/** Registers routes: checks access, validates params, query and body with their schemas. */
export function register(app: FastifyInstance, routes: readonly AnyRoute[]): void {
  for (const def of routes) {
    app.route({
      method: def.method,
      url: def.url,
      // A response schema lets Fastify compile a serializer for the route (several times faster than JSON.stringify).
      ...(def.response
        ? {
            schema: {
              response: {
                [def.status ?? 200]: zodToJsonSchema(def.response, {
                  target: 'jsonSchema7',
                  $refStrategy: 'none',
                }),
              },
            },
          }
        : {}),
      handler: async (request, reply) => {
        try {
          const user = request.session?.user ?? null;
          if (def.access !== 'public' && !user) {
            throw new AppError('unauthenticated', 'Bạn cần đăng nhập. (Log in first.)');
          }
          if (!allowed(def.access, user)) {
            throw new AppError(
              'forbidden',
              'Vai trò của bạn không được làm việc này. (Your role may not do this.)',
              {
                role: user?.role,
              },
            );
          }
          const params = def.params ? def.params.parse(request.params) : undefined;
          const query = def.query ? def.query.parse(request.query) : undefined;
          const body =
            def.body && def.bodyContentType !== 'multipart/form-data'
              ? def.body.parse(request.body ?? {})
              : undefined;
          const result = await def.handler({
            params,
            query,
            body,
            user,
            session: request.session,
            request,
            reply,
          });
          if (reply.sent) return reply;
          return reply.status(def.status ?? 200).send(result ?? {});
        } catch (error) {
          return replyWithError(reply, error);
        }
      },
    });
  }
}

/** Query-string helpers: numbers arrive as text. */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
};
export const idParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1),
});
