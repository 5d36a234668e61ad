// The signed-in person's name and address, for the header.
import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "./actor";

export async function currentUser(actor: Actor) {
  return db.user.findUnique({ where: { id: actor.userId }, select: { id: true, name: true, email: true } });
}
