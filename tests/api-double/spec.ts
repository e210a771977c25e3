import { readFileSync } from 'node:fs';

/** Reads the vendor's OpenAPI document once; the double and its validators take every enum from it. */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function loadSpec(): Record<string, unknown> {
  const parsed: unknown = JSON.parse(readFileSync(new URL('../contract/supertone-openapi.json', import.meta.url), 'utf8'));
  if (!isRecord(parsed) || !isRecord(parsed.paths) || !isRecord(parsed.components) || !isRecord(parsed.components.schemas)) {
    throw new Error('supertone-openapi.json: expected paths and components.schemas');
  }
  return parsed;
}

const spec = loadSpec();

export function componentSchemas(): Record<string, unknown> {
  const components = spec.components;
  return isRecord(components) && isRecord(components.schemas) ? components.schemas : {};
}

/** The operation object for e.g. ('post', '/v1/predict-duration/{voice_id}'), or undefined. */
export function findOperation(method: string, pathTemplate: string): Record<string, unknown> | undefined {
  const paths = spec.paths;
  const item = isRecord(paths) ? paths[pathTemplate] : undefined;
  const op = isRecord(item) ? item[method.toLowerCase()] : undefined;
  return isRecord(op) ? op : undefined;
}

/** The string enum of a component's property, e.g. the languages predict-duration accepts. */
export function propertyEnum(schemaName: string, property: string): readonly string[] {
  const schema = componentSchemas()[schemaName];
  const props = isRecord(schema) ? schema.properties : undefined;
  const prop = isRecord(props) ? props[property] : undefined;
  const values = isRecord(prop) ? prop.enum : undefined;
  if (!Array.isArray(values) || !values.every((v): v is string => typeof v === 'string')) {
    throw new Error(`supertone-openapi.json: no string enum at ${schemaName}.${property}`);
  }
  return values;
}
