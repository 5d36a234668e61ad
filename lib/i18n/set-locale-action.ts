"use server";
// Remembers the interface language for a year.
import { cookies } from "next/headers";
import { LOCALE_COOKIE, isLocale } from "./locales";

export async function setLocale(locale: string) {
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
}
