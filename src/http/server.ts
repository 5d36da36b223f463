import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import { LoginLimiter, sessionById } from '../app/auth.js';
import type { Store } from '../store/db.js';
import { apiRoutes, SESSION_COOKIE } from './api.js';
import { replyWithError, sendError } from './errors.js';
import { openApiDocument } from './openapi.js';
import { reportingRoutes } from './reporting-api.js';
import { register } from './routes.js';

export interface ServerOptions {
  readonly store: Store;
  /** The clock; tests pass a fixed one so statuses do not depend on the day they run. */
  readonly now?: () => Date;
  readonly maxUploadBytes?: number;
  readonly logger?: boolean;
  readonly version?: string;
  /** Set the Secure flag on cookies (behind HTTPS). */
  readonly secureCookies?: boolean;
  /** The built web app (`npm run build` writes dist/web); served at / when present. */
  readonly webRoot?: string;
}

const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameOrigin(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** The Rõ HTTP API as a Fastify instance (not listening: call `listen`). */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const now = options.now ?? (() => new Date());
  const maxUploadBytes = options.maxUploadBytes ?? 20 * 1024 * 1024;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: false,
    // Validation happens in our handlers with zod; Fastify's own is not used.
    ajv: { customOptions: { strict: false } },
  });
  // Set before any route or plugin so every route uses it.
  app.setErrorHandler((error, _request, reply) => replyWithError(reply, error));
  await app.register(cookie);
  await app.register(multipart, {
    limits: { fileSize: maxUploadBytes, files: 1, fields: 10, parts: 20 },
    throwFileSizeLimit: true,
  });

  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request, reply) => {
    const id = request.cookies[SESSION_COOKIE];
    request.session = id ? await sessionById(options.store, id, now()) : null;
    // CSRF. Cookies are SameSite=Lax; on top of that a state-changing request made by a browser
    // (it sends Origin or Sec-Fetch-Site) must come from this site and echo the session's token.
    // Scripts and API clients (curl, integrations) send neither header and need no token.
    if (request.session && !SAFE_METHODS.has(request.method) && request.url !== '/api/auth/login') {
      const origin = request.headers['origin'];
      const site = request.headers['sec-fetch-site'];
      const fromBrowser = origin !== undefined || site !== undefined;
      const crossSite =
        (site !== undefined && site !== 'same-origin') ||
        (origin !== undefined && !sameOrigin(origin, request.headers.host));
      if (crossSite || (fromBrowser && request.headers['x-csrf-token'] !== request.session.csrfToken)) {
        return sendError(
          reply,
          403,
          'csrf',
          'Thiếu hoặc sai mã chống giả mạo (X-CSRF-Token); hãy tải lại trang. (Missing or wrong CSRF token.)',
        );
      }
    }
    return undefined;
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    return payload;
  });

  const routes = [
    ...apiRoutes({
      store: options.store,
      now,
      limiter: new LoginLimiter(),
      maxUploadBytes,
      secureCookies: options.secureCookies ?? false,
    }),
    ...reportingRoutes({ store: options.store, now }),
  ];
  register(app, routes);
  const openapi = openApiDocument(routes, options.version ?? '0.0.0');
  app.get('/api/openapi.json', async () => openapi);

  const webRoot = options.webRoot ?? DEFAULT_WEB_ROOT;
  const hasWeb = existsSync(`${webRoot}/index.html`);
  if (hasWeb)
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: 'index.html', maxAge: '1h' });

  app.setNotFoundHandler((request, reply) => {
    // The web app routes in the browser: any other page address gets the app itself.
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api/'))
      return reply.sendFile('index.html');
    return sendError(
      reply,
      404,
      'not-found',
      `Không có đường dẫn ${request.method} ${request.url.split('?')[0]}. (No such endpoint.)`,
    );
  });
  return app;
}
