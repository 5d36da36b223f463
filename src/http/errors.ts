import type { FastifyReply } from 'fastify';
import { ZodError } from 'zod';
import { AppError, type AppErrorCode } from '../app/errors.js';

/** Every error the API returns: `{"error": {"code", "message", "details"}}`. */
export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly details: unknown };
}

const STATUS: Record<AppErrorCode, number> = {
  'unreadable-file': 422,
  'duplicate-number': 409,
  'not-found': 404,
  'not-a-draft': 409,
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  conflict: 409,
  'rate-limited': 429,
};

export function sendError(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  details: unknown = {},
): FastifyReply {
  return reply
    .status(status)
    .type('application/json; charset=utf-8')
    .send({ error: { code, message, details } } satisfies ErrorBody);
}

/** Maps anything thrown in a handler to a clear 4xx (or a logged 500 that reveals nothing). */
export function replyWithError(reply: FastifyReply, error: unknown): FastifyReply {
  if (error instanceof AppError)
    return sendError(reply, STATUS[error.code], error.code, error.message, error.details);
  if (error instanceof ZodError) {
    const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    const first = issues[0];
    const message = first ? `${first.path ? `"${first.path}": ` : ''}${first.message}` : 'invalid input';
    return sendError(reply, 400, 'invalid', `Dữ liệu không hợp lệ — ${message}. (Invalid input.)`, {
      issues,
    });
  }
  const fastifyError = error as { statusCode?: number; code?: string; message?: string };
  if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fastifyError.code === 'FST_REQ_FILE_TOO_LARGE') {
    return sendError(
      reply,
      413,
      'too-large',
      'Dữ liệu gửi lên quá lớn. (The request body is too large.)',
      {},
    );
  }
  if (fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return sendError(
      reply,
      415,
      'unsupported-media-type',
      'Kiểu dữ liệu không được hỗ trợ; hãy gửi JSON hoặc multipart/form-data. (Unsupported content type.)',
    );
  }
  if (
    typeof fastifyError.statusCode === 'number' &&
    fastifyError.statusCode >= 400 &&
    fastifyError.statusCode < 500
  ) {
    const code =
      fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || /JSON/.test(fastifyError.message ?? '')
        ? 'invalid-json'
        : 'bad-request';
    return sendError(
      reply,
      fastifyError.statusCode,
      code,
      `Yêu cầu không hợp lệ: ${fastifyError.message ?? ''}. (Bad request.)`,
    );
  }
  reply.log.error(error);
  return sendError(
    reply,
    500,
    'internal',
    'Lỗi máy chủ; dữ liệu không bị thay đổi. Hãy thử lại hoặc báo quản trị. (Server error; nothing was changed.)',
  );
}
