import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { componentSchemas, findOperation, isRecord } from './spec';

/**
 * ajv validators built from the vendor's OpenAPI 3.0 document. `strict: false` because the
 * document uses OpenAPI-only keywords (`example`); ajv understands `nullable` itself.
 */

const REF_PREFIX = '#/components/schemas/';

/** The schema every error status falls back to when an operation leaves it undocumented: the vendor uses one envelope. */
const ERROR_SCHEMA_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'BadRequestErrorResponse',
  401: 'UnauthorizedErrorResponse',
  402: 'PaymentRequiredErrorResponse',
  403: 'ForbiddenErrorResponse',
  404: 'NotFoundErrorResponse',
  408: 'RequestTimeoutErrorResponse',
  413: 'PayloadTooLargeErrorResponse',
  415: 'UnsupportedMediaTypeErrorResponse',
  429: 'TooManyRequestsErrorResponse',
  500: 'InternalServerErrorResponse',
};

export interface RequestParts {
  query?: Record<string, string | string[]>;
  body?: unknown;
}

/** Inline schemas in paths are compiled on their own, so refs point at the bare component names ajv registered. */
function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (!isRecord(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] = key === '$ref' && typeof value === 'string' && value.startsWith(REF_PREFIX) ? value.slice(REF_PREFIX.length) : rewriteRefs(value);
  }
  return out;
}

const ajv = new Ajv({ strict: false, allErrors: true });
for (const [name, schema] of Object.entries(componentSchemas())) {
  if (isRecord(schema)) ajv.addSchema(rewriteRefs(schema) as Record<string, unknown>, name);
}

const compiled = new Map<string, ValidateFunction>();
function validatorFor(cacheKey: string, schema: unknown): ValidateFunction {
  let validate = compiled.get(cacheKey);
  if (!validate) {
    validate = ajv.compile(rewriteRefs(schema) as Record<string, unknown>);
    compiled.set(cacheKey, validate);
  }
  return validate;
}

function formatErrors(where: string, errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const allowed = e.keyword === 'enum' && isRecord(e.params) && Array.isArray(e.params.allowedValues) ? `: ${e.params.allowedValues.join(', ')}` : '';
    return `${where}${e.instancePath} ${e.message ?? 'is invalid'}${allowed}`;
  });
}

function jsonSchemaOf(holder: unknown): unknown {
  const content = isRecord(holder) ? holder.content : undefined;
  const json = isRecord(content) ? content['application/json'] : undefined;
  return isRecord(json) ? json.schema : undefined;
}

/** Errors for `body` as a response of the operation with this status; [] when it fits the contract. */
export function validateResponse(method: string, pathTemplate: string, status: number, body: unknown): string[] {
  const op = findOperation(method, pathTemplate);
  if (!op) return [`no operation ${method.toUpperCase()} ${pathTemplate} in the contract`];
  const responses = isRecord(op.responses) ? op.responses : {};
  const documented = responses[String(status)];
  const schema = jsonSchemaOf(documented);
  if (schema !== undefined) {
    const validate = validatorFor(`response ${method.toUpperCase()} ${pathTemplate} ${status}`, schema);
    return validate(body) ? [] : formatErrors('response', validate.errors);
  }

  const fallback = ERROR_SCHEMA_BY_STATUS[status] ?? (status >= 500 ? ERROR_SCHEMA_BY_STATUS[500] : undefined);
  if (status >= 400 && fallback) {
    const validate = validatorFor(`component ${fallback}`, { $ref: `${REF_PREFIX}${fallback}` });
    return validate(body) ? [] : formatErrors('response', validate.errors);
  }
  return documented === undefined ? [`status ${status} is not documented for ${method.toUpperCase()} ${pathTemplate}`] : [];
}

interface QueryParam {
  name: string;
  required: boolean;
  schema: Record<string, unknown>;
}

function queryParams(op: Record<string, unknown>): QueryParam[] {
  const params = Array.isArray(op.parameters) ? op.parameters : [];
  return params.flatMap((p): QueryParam[] =>
    isRecord(p) && p.in === 'query' && typeof p.name === 'string'
      ? [{ name: p.name, required: p.required === true, schema: isRecord(p.schema) ? p.schema : {} }]
      : [],
  );
}

/** Query values arrive as text: turn them into what the parameter's schema declares, leaving junk for ajv to reject. */
function coerce(raw: string, schema: Record<string, unknown>): unknown {
  if (schema.type === 'number' || schema.type === 'integer') {
    const n = Number(raw);
    return raw.trim() !== '' && Number.isFinite(n) ? n : raw;
  }
  if (schema.type === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : raw;
  return raw;
}

/** Errors for a request to the operation (query parameters and JSON body); [] when it fits the contract. */
export function validateRequest(method: string, pathTemplate: string, parts: RequestParts): string[] {
  const op = findOperation(method, pathTemplate);
  if (!op) return [`no operation ${method.toUpperCase()} ${pathTemplate} in the contract`];
  const errors: string[] = [];

  const params = queryParams(op);
  const query: Record<string, unknown> = {};
  for (const param of params) {
    const raw = parts.query?.[param.name];
    if (raw === undefined) continue;
    if (param.schema.type === 'array') {
      const items = isRecord(param.schema.items) ? param.schema.items : {};
      query[param.name] = (Array.isArray(raw) ? raw : [raw]).map((v) => coerce(v, items));
    } else if (Array.isArray(raw)) {
      errors.push(`query/${param.name} must be given once`);
    } else {
      query[param.name] = coerce(raw, param.schema);
    }
  }
  const querySchema = {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.name, p.schema])),
    required: params.filter((p) => p.required).map((p) => p.name),
  };
  const validateQuery = validatorFor(`query ${method.toUpperCase()} ${pathTemplate}`, querySchema);
  if (!validateQuery(query)) errors.push(...formatErrors('query', validateQuery.errors));

  const requestBody = op.requestBody;
  const bodySchema = jsonSchemaOf(requestBody);
  if (bodySchema !== undefined) {
    if (parts.body === undefined) {
      if (isRecord(requestBody) && requestBody.required === true) errors.push('body is required');
    } else {
      const validateBody = validatorFor(`body ${method.toUpperCase()} ${pathTemplate}`, bodySchema);
      if (!validateBody(parts.body)) errors.push(...formatErrors('body', validateBody.errors));
    }
  }
  return errors;
}
