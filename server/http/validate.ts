import type { Context } from 'hono';
import type { z } from 'zod';
import { invalidFieldMessage } from '@shared/domain';
import { IdSchema } from '@shared/schemas';
import { DomainError, notFound } from '../services/errors';

const invalidField = (field: string, reason: string) =>
  new DomainError('invalid_request', { field, message: invalidFieldMessage(field, reason) });

/** The first problem of a failed parse as a 400 naming the field (dotted path) and the reason. */
function invalid(error: z.ZodError, root = 'body'): DomainError {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : root;
  const reason = issue?.message ?? 'is not valid';
  return invalidField(field, reason);
}

/** Parses the JSON body with a shared schema; malformed JSON and wrong shapes are 400s. */
export async function parseBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const text = await c.req.text();
  let json: unknown;
  try {
    json = text.trim() === '' ? undefined : JSON.parse(text);
  } catch {
    throw invalidField('body', 'is not valid JSON');
  }
  if (json === undefined) throw invalidField('body', 'a JSON body is required');
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw invalid(parsed.error);
  return parsed.data;
}

/** Parses the query string with a shared schema. */
export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw invalid(parsed.error, 'query');
  return parsed.data;
}

/** An id from the path; one no record could have (see IdSchema) names nothing: not_found, like any unknown id. */
export function pathId(c: Context, name = 'id'): string {
  const id = c.req.param(name);
  if (!IdSchema.safeParse(id).success) throw notFound();
  return id!;
}
