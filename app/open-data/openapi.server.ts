import { z } from "zod";

import { publicOrigin } from "~/http/public-origin.server";
import { SLUG_PATTERN } from "~/utils/params";
import { DilemmaSchema, ErrorSchema, RegionAnswersSchema, SearchResponseSchema } from "./api-schemas";

const schemas = {
  RegionAnswers: RegionAnswersSchema,
  Dilemma: DilemmaSchema,
  SearchResponse: SearchResponseSchema,
  Error: ErrorSchema,
};

/** The zod schemas as JSON Schema 2020-12 (OpenAPI 3.1's dialect), shared parts under components. */
function componentSchemas() {
  const registry = z.registry<{ id?: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const { schemas: generated } = z.toJSONSchema(registry, {
    target: "draft-2020-12",
    uri: (id) => `#/components/schemas/${id}`,
  });
  // Each generated schema names its dialect and id; inside an OpenAPI document both are implied.
  return Object.fromEntries(
    Object.entries(generated).map(([id, schema]) => {
      const { $schema: _dialect, $id: _id, ...rest } = schema as Record<string, unknown>;
      return [id, rest];
    }),
  );
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (id: string, description: string) => ({
  description,
  content: { "application/json": { schema: ref(id) } },
});
const slugParameter = (description: string) => ({
  name: "slug",
  in: "path",
  required: true,
  description,
  schema: { type: "string", pattern: SLUG_PATTERN.source },
});
const errors = {
  "400": json("Error", "Een parameter klopt niet; `fields` noemt welke."),
  "404": json("Error", "Bestaat niet (of is nog niet beantwoord)."),
};
const csv = (description: string) => ({ description, content: { "text/csv": { schema: { type: "string" } } } });
const query = (name: string, description: string, schema: Record<string, unknown> = { type: "string" }) => ({
  name,
  in: "query",
  required: false,
  description,
  schema,
});

/** GET /api/openapi.json: Leertuin's public API as OpenAPI 3.1. */
export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Leertuin open data",
      version: "1",
      description:
        "De afspraken van de leertuinen gegevensdeling als open data: per regio de afspraken die gelden, per dilemma alle gepubliceerde versies, en zoeken. Zonder sleutel, alleen lezen. Een wijziging die een lezer kan breken verhoogt `schemaVersion`.",
      license: { name: "Open data: vrij te gebruiken met bronvermelding (Leertuin)" },
    },
    servers: [{ url: publicOrigin() }],
    paths: {
      "/api/regios/{slug}/afspraken.json": {
        get: {
          summary: "De afspraken die in een regio gelden",
          parameters: [slugParameter("De regio, zoals `zeeland`.")],
          responses: { "200": json("RegionAnswers", "Eén afspraak per dilemma, de versie die geldt."), ...errors },
        },
      },
      "/api/regios/{slug}/afspraken.csv": {
        get: {
          summary: "Dezelfde afspraken als CSV voor programma's",
          description: "RFC 4180, UTF-8 met BOM, komma's, vaste kolomnamen (README, Open data).",
          parameters: [slugParameter("De regio.")],
          responses: { "200": csv("Eén rij per afspraak."), ...errors },
        },
      },
      "/api/regios/{slug}/afspraken-excel.csv": {
        get: {
          summary: "Dezelfde afspraken als CSV voor Excel met Nederlandse instellingen",
          description: "Puntkomma's, Nederlandse kolomnamen en labels, UTF-8 met BOM.",
          parameters: [slugParameter("De regio.")],
          responses: { "200": csv("Eén rij per afspraak."), ...errors },
        },
      },
      "/api/dilemmas/{slug}": {
        get: {
          summary: "Eén beantwoord dilemma met de afspraken van elke regio",
          parameters: [slugParameter("Het dilemma, zoals in de adresbalk.")],
          responses: { "200": json("Dilemma", "Het dilemma met alle gepubliceerde versies per regio."), ...errors },
        },
      },
      "/api/search": {
        get: {
          summary: "Zoeken in dilemma's, afspraken en wetsartikelen",
          parameters: [
            query("q", "De zoekvraag, in gewone woorden."),
            query("type", "Alleen dit soort resultaat.", { enum: ["dilemma", "answer", "article"] }),
            query("regio", "Alleen (of eerst) deze regio."),
            query("thema", "Alleen dit thema."),
            query("sector", "Alleen deze sector."),
            query("oordeel", "Alleen dit oordeel.", { enum: ["delen", "delen-onder-voorwaarden", "niet-delen"] }),
            query("pagina", "Welke pagina van 20 resultaten.", { type: "integer", minimum: 1 }),
          ],
          responses: {
            "200": json("SearchResponse", "De resultaten, het aantal en de facetten."),
            "400": errors["400"],
          },
        },
      },
    },
    components: { schemas: componentSchemas() },
  };
}
