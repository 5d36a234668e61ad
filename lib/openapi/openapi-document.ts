// Generates the OpenAPI 3.1 document from the route registry (api-routes.ts): every schema in it
// is converted from the zod schema the route parses with or answers through (zod 4's
// z.toJSONSchema, JSON Schema 2020-12 as OpenAPI 3.1 uses), so the description cannot drift from
// what the API does (docs/decisions/022-openapi-from-zod.md).
import { z } from "zod";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { ApiErrorSchema } from "@/lib/http/wire-schemas";
import { API_ROUTES } from "./api-routes";
import type { ApiAuth, ApiRouteEntry } from "./route-entry";

type JsonSchema = Record<string, unknown>;

// The wire side of every schema: a codec's input (an ISO string for a time), a default's optional field.
const CONVERT = { io: "input", unrepresentable: "any", target: "draft-2020-12" } as const;

const SECURITY: Record<ApiAuth, Record<string, string[]>[]> = {
  public: [],
  member: [{ bearerToken: [] }, { sessionCookie: [] }],
  session: [{ sessionCookie: [] }],
  "public-or-member": [{}, { bearerToken: [] }, { sessionCookie: [] }],
};

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One parameter per property of an object schema (path or query). */
function parametersOf(schema: z.ZodObject | undefined, place: "path" | "query"): JsonSchema[] {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, CONVERT) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: place,
      required: place === "path" || (json.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

const BREAKDOWN_PARAMETER = {
  name: "breakdowns",
  in: "query",
  style: "form",
  explode: true,
  description:
    "Breakdown filters as further parameters, e.g. region=changchun&size_class=micro: each key a breakdown of the survey's questionnaire (region, industry, size_class, lifecycle_stage or a custom question code), each value one of its option codes.",
  schema: { type: "object", additionalProperties: { type: "string" } },
};

/** Pairs each schema with a component name: reused schemas keep the first name they got. */
class Components {
  readonly registry = z.registry<{ id: string }>();
  private names = new Map<z.ZodType, string>();

  ref(schema: z.ZodType, name: string): JsonSchema {
    let id = this.names.get(schema);
    if (!id) {
      id = name;
      this.names.set(schema, id);
      this.registry.add(schema, { id });
    }
    return { $ref: `#/components/schemas/${id}` };
  }

  schemas(): Record<string, JsonSchema> {
    const { schemas } = z.toJSONSchema(this.registry, { ...CONVERT, uri: (id) => `#/components/schemas/${id}` });
    // Recursive parts (a question's showIf conditions) come as $defs of a "__shared" schema; each
    // becomes a component of its own, so every $ref points into components/schemas.
    const { __shared, ...named } = schemas;
    const all: Record<string, JsonSchema> = Object.fromEntries(
      Object.entries((__shared?.$defs ?? {}) as Record<string, JsonSchema>).map(([id, schema]) => [
        `Shared_${id}`,
        schema,
      ]),
    );
    for (const [id, { $id: _id, $schema: _schema, ...schema }] of Object.entries(named)) all[id] = schema;
    return JSON.parse(
      JSON.stringify(all).replaceAll("#/components/schemas/__shared#/$defs/", "#/components/schemas/Shared_"),
    );
  }
}

function operationOf(entry: ApiRouteEntry, components: Components): JsonSchema {
  const name = capitalized(entry.operationId);
  const error = components.ref(ApiErrorSchema, "Error");
  const responses: Record<string, JsonSchema> = {};
  for (const [status, answer] of Object.entries(entry.responses)) {
    const content: Record<string, JsonSchema> = {};
    if (answer.schema) content["application/json"] = { schema: components.ref(answer.schema, `${name}${status}`) };
    for (const type of answer.contentTypes ?? []) content[type] ??= {};
    responses[status] = { description: answer.description, ...(Object.keys(content).length ? { content } : {}) };
  }
  const errors = { ...(entry.auth === "public" ? {} : { 401: "No valid session or API token." }), ...entry.errors };
  for (const [status, description] of Object.entries(errors))
    responses[status] = { description, content: { "application/json": { schema: error } } };
  responses["503"] ??= {
    description: "The database is unavailable; see Retry-After.",
    content: { "application/json": { schema: error } },
  };
  return {
    operationId: entry.operationId,
    summary: entry.summary,
    ...(entry.description ? { description: entry.description } : {}),
    tags: [entry.tag],
    security: SECURITY[entry.auth],
    ...(entry.permission ? { "x-permission": entry.permission, "x-minimum-role": PERMISSIONS[entry.permission] } : {}),
    parameters: [
      ...parametersOf(entry.params, "path"),
      ...parametersOf(entry.query, "query"),
      ...(entry.breakdownFilters ? [BREAKDOWN_PARAMETER] : []),
    ],
    ...(entry.body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: components.ref(entry.body, `${name}Body`) } },
          },
        }
      : {}),
    responses,
  };
}

export function openApiDocument(routes: ApiRouteEntry[] = API_ROUTES) {
  const components = new Components();
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const entry of routes) (paths[entry.path] ??= {})[entry.method.toLowerCase()] = operationOf(entry, components);
  return {
    openapi: "3.1.0",
    info: {
      title: "SME innovation-constraint survey platform API",
      version: "1",
      description:
        "JSON over HTTP. Researcher endpoints take `Authorization: Bearer <api token>` (or a session cookie). Every error is { error, message } with no stack trace; invalid input adds `issues` with field paths.",
    },
    paths,
    components: {
      schemas: components.schemas(),
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", description: "A personal API token (/account/tokens)." },
        sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      },
    },
  };
}
