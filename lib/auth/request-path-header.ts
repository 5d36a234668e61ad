// The request header in which proxy.ts hands the requested path to pages. Browser-safe.
export const REQUEST_PATH_HEADER = "x-request-path";
