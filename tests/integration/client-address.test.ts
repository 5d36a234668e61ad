// Rate limits and sign-in throttling key on the client's address (issue 13, defect 7): a made-up
// X-Forwarded-For must not change it, and a configured number of proxies is trusted, no more.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/http/client-address";

let server: http.Server;
let seen: http.IncomingHttpHeaders[] = [];

beforeAll(async () => {
  // What `npm start`, `npm run dev` and the browser tests preload into the Next.js server.
  await import("../../scripts/peer-address.mjs");
  server = http.createServer((req, res) => {
    seen.push(req.headers);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
});
afterAll(() => new Promise((r) => server.close(r)));

async function send(forwardedFor?: string) {
  seen = [];
  const { port } = server.address() as AddressInfo;
  await fetch(`http://127.0.0.1:${port}/`, { headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {} });
  return seen[0];
}

describe("the client address", () => {
  it("is the socket's address by default, whatever X-Forwarded-For the client sends", async () => {
    for (const spoofed of [undefined, "1.2.3.4", "5.6.7.8, 9.9.9.9"]) {
      const headers = await send(spoofed);
      expect(clientAddress(headers, 0)).toBe("127.0.0.1");
    }
  });

  it("trusts exactly TRUST_PROXY_HOPS entries appended by proxies", async () => {
    // The client made up 6.6.6.6; the proxy (our peer) appended the client's real address.
    const headers = await send("6.6.6.6, 203.0.113.9");
    expect(headers["x-forwarded-for"]).toBe("6.6.6.6, 203.0.113.9, 127.0.0.1");
    expect(clientAddress(headers, 1)).toBe("203.0.113.9");
    expect(clientAddress(headers, 2)).toBe("6.6.6.6");
    // More trusted hops than entries: the leftmost is all there is.
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.9" }), 3)).toBe("203.0.113.9");
    expect(clientAddress(new Headers(), 0)).toBe("unknown");
  });
});
