// The OpenAPI document lists every endpoint the app serves: each route file under app/api/ and each
// method it answers (not the 405 handlers of methodsNotAllowed), read from the file system. A
// route added without its registry entry fails here, named by method and path.
import fs from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { API_ROUTES, UNDOCUMENTED_ROUTES } from "@/lib/openapi/api-routes";
import { openApiDocument } from "@/lib/openapi/openapi-document";
import { HTTP_METHODS } from "@/lib/openapi/route-entry";

const API_DIR = path.join(process.cwd(), "app/api");

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(full);
    return e.name === "route.ts" ? [full] : [];
  });
}

/** /api/v1/surveys/{slug}/responses from app/api/v1/surveys/[slug]/responses/route.ts; catch-alls stay [...x]. */
function addressOf(file: string): string {
  const segments = path.relative(path.join(process.cwd(), "app"), path.dirname(file)).split(path.sep);
  return "/" + segments.map((s) => (/^\[[^.]+\]$/.test(s) ? `{${s.slice(1, -1)}}` : s)).join("/");
}

/** The methods a route file answers: its exported handlers, without those methodsNotAllowed makes. */
function servedMethods(source: string): string[] {
  const methods = HTTP_METHODS.join("|");
  const served = new Set<string>();
  for (const m of source.matchAll(new RegExp(`export\\s+(?:const|async\\s+function|function)\\s+(${methods})\\b`, "g")))
    served.add(m[1]);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}\s*;/g))
    for (const part of m[1].matchAll(new RegExp(`(?:\\bas\\s+)?\\b(${methods})\\b`, "g"))) served.add(part[1]);
  return [...served].sort();
}

const served = routeFiles(API_DIR).flatMap((file) => {
  const address = addressOf(file);
  return servedMethods(fs.readFileSync(file, "utf8")).map((method) => ({ method, address, file }));
});
const document = openApiDocument();
const undocumented = new Set(UNDOCUMENTED_ROUTES.map((r) => r.path));

describe("the OpenAPI document", () => {
  it("documents every method of every route file under app/api/", () => {
    expect(served.length).toBeGreaterThan(25);
    const missing = served
      .filter(({ address }) => !undocumented.has(address))
      .filter(({ method, address }) => !(document.paths[address] ?? {})[method.toLowerCase()])
      .map(({ method, address }) => `${method} ${address}`);
    expect(missing, `add these to lib/openapi/api-routes.ts`).toEqual([]);
  });

  it("documents nothing the app does not serve", () => {
    const real = new Set(served.map(({ method, address }) => `${method} ${address}`));
    const phantom = API_ROUTES.map((r) => `${r.method} ${r.path}`).filter((r) => !real.has(r));
    expect(phantom).toEqual([]);
    expect(new Set(API_ROUTES.map((r) => r.operationId)).size).toBe(API_ROUTES.length);
  });

  it("is OpenAPI 3.1 whose references all resolve and whose schemas are valid JSON Schema 2020-12", () => {
    expect(document.openapi).toBe("3.1.0");
    const schemas = document.components.schemas;
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(30);
    expect(refs.filter((r) => !schemas[r.replace("#/components/schemas/", "")])).toEqual([]);
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    ajv.addSchema({ $id: "openapi", components: { schemas } });
    for (const id of Object.keys(schemas))
      expect(() => ajv.getSchema(`openapi#/components/schemas/${id}`), id).not.toThrow();
  });

  it("names each endpoint's permission and the role it needs, from the permission table", () => {
    const listResponses = document.paths["/api/v1/surveys/{slug}/responses"].get as Record<string, unknown>;
    expect(listResponses["x-permission"]).toBe("responses.read");
    expect(listResponses["x-minimum-role"]).toBe("researcher");
    expect(document.paths["/api/v1/surveys/{slug}"].get.security).toEqual([]);
    const params = (listResponses.parameters as { name: string }[]).map((p) => p.name);
    expect(params).toEqual(["slug", "status", "collector", "limit", "cursor", "from", "to", "breakdowns"]);
  });
});
