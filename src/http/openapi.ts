import { zodToJsonSchema } from 'zod-to-json-schema';
import type { ZodTypeAny } from 'zod';
import type { AnyRoute } from './routes.js';

function schema(type: ZodTypeAny): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = zodToJsonSchema(type, {
    target: 'openApi3',
    $refStrategy: 'none',
  }) as Record<string, unknown>;
  return rest;
}

const ERROR = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'details'],
      properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
    },
  },
};

/** OpenAPI 3 for the API, generated from the same schemas that validate requests. */
export function openApiDocument(routes: readonly AnyRoute[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.url.replace(/:(\w+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, type] of [
      ['path', r.params],
      ['query', r.query],
    ] as const) {
      if (!type) continue;
      const s = schema(type) as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, property] of Object.entries(s.properties ?? {})) {
        parameters.push({
          name,
          in: where,
          required: where === 'path' || (s.required ?? []).includes(name),
          schema: property,
        });
      }
    }
    const operation: Record<string, unknown> = {
      summary: r.summary,
      tags: [r.tag],
      parameters,
      security: r.access === 'public' ? [] : [{ session: [] }],
      responses: {
        [String(r.status ?? 200)]: {
          description: 'OK',
          content: r.response ? { 'application/json': { schema: schema(r.response) } } : undefined,
        },
        '4XX': { description: 'A clear error', content: { 'application/json': { schema: ERROR } } },
      },
    };
    if (r.body) {
      operation['requestBody'] = {
        required: true,
        content: { [r.bodyContentType ?? 'application/json']: { schema: schema(r.body) } },
      };
    }
    paths[path] = { ...(paths[path] ?? {}), [r.method.toLowerCase()]: operation };
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'Rõ API',
      version,
      description: 'Directives, targets, tasks and follow-up of a province’s steering cycle.',
    },
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'ro_session' } },
    },
    paths,
  };
}
