// Preloaded into the Next.js server process (`node --import`, through NODE_OPTIONS so that
// Next's own child processes get it too). Next.js keeps a client-sent X-Forwarded-For as it is
// and only fills it in when absent, so the app could not tell the socket's address from one the
// client made up. Here every incoming request gets its socket's address appended as the last
// entry, as a proxy does; lib/http/client-address.ts then trusts TRUST_PROXY_HOPS entries from
// the right and no more.
import http from "node:http";

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, request, ...rest) {
  if (event === "request" && request?.socket) {
    const peer = request.socket.remoteAddress ?? "unknown";
    const prior = request.headers["x-forwarded-for"];
    request.headers["x-forwarded-for"] = prior ? `${prior}, ${peer}` : peer;
  }
  return emit.call(this, event, request, ...rest);
};
