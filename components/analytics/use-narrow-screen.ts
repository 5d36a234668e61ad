"use client";
// Whether the screen is phone-sized, so charts can give their bars more of the width.
import { useSyncExternalStore } from "react";

const QUERY = "(max-width: 640px)";

export function useNarrowScreen(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(QUERY);
      list.addEventListener("change", onChange);
      return () => list.removeEventListener("change", onChange);
    },
    () => window.matchMedia(QUERY).matches,
    () => false,
  );
}
