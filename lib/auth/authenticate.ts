// Password sign-in with throttling: too many failures for one e-mail address or from one
// client address within the window block further attempts, whatever the password.
import "server-only";
import { db } from "@/lib/db/client";
import { verifyPassword } from "./password";

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 20;

export async function authenticate(opts: { email: string; password: string; ip: string }) {
  const email = opts.email.trim().toLowerCase();
  if (!email || !opts.password) return null;
  const since = new Date(Date.now() - THROTTLE_WINDOW_MS);
  const [byEmail, byIp] = await Promise.all([
    db.signInAttempt.count({ where: { email, succeeded: false, createdAt: { gte: since } } }),
    db.signInAttempt.count({ where: { ip: opts.ip, succeeded: false, createdAt: { gte: since } } }),
  ]);
  if (byEmail >= MAX_FAILURES_PER_EMAIL || byIp >= MAX_FAILURES_PER_IP) return null;

  const user = await db.user.findUnique({ where: { email } });
  const ok = Boolean(user?.passwordHash && (await verifyPassword(opts.password, user.passwordHash)));
  await db.signInAttempt.create({ data: { email, ip: opts.ip, succeeded: ok } });
  return ok ? user : null;
}
