// Any /api/v1 address no other route serves: a JSON 404 rather than the HTML not-found page.
import { notFound } from "@/lib/http/api-response";

const unknownAddress = async () =>
  notFound("No API endpoint has this address; /api/v1/openapi.json lists the endpoints.");

export const GET = unknownAddress;
export const POST = unknownAddress;
export const PUT = unknownAddress;
export const PATCH = unknownAddress;
export const DELETE = unknownAddress;
