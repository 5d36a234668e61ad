// Interface texts: both languages say the same things, and no file repeats a key (JSON.parse
// would silently keep the last one, and the screen would show the wrong text or an error).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve("messages");
const files = fs.readdirSync(path.join(root, "en")).filter((f) => f.endsWith(".json"));

function parseStrict(file: string): { value: unknown; duplicates: string[] } {
  const text = fs.readFileSync(file, "utf8");
  const value = JSON.parse(text);
  // JSON.parse cannot report duplicates: scan each object's keys instead. Braces inside ICU
  // messages ("{count, plural, …}") are balanced, so they open and close empty scopes.
  const duplicates: string[] = [];
  const stack: Set<string>[] = [];
  const keyPattern = /"((?:[^"\\]|\\.)*)"\s*:|[{}]/g;
  for (const m of text.matchAll(keyPattern)) {
    if (m[0] === "{") stack.push(new Set());
    else if (m[0] === "}") stack.pop();
    else {
      const keys = stack[stack.length - 1];
      if (keys.has(m[1])) duplicates.push(m[1]);
      keys.add(m[1]);
    }
  }
  return { value, duplicates };
}

function keyPaths(value: unknown, prefix = ""): string[] {
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => keyPaths(v, prefix ? `${prefix}.${k}` : k));
  return [prefix];
}

describe("interface messages", () => {
  it("exist for every area in both languages", () => {
    expect(files.length).toBeGreaterThan(5);
    expect(
      fs
        .readdirSync(path.join(root, "zh"))
        .filter((f) => f.endsWith(".json"))
        .sort(),
    ).toEqual([...files].sort());
  });

  for (const file of files) {
    it(`${file}: no repeated keys, and the same keys in Chinese and English`, () => {
      const en = parseStrict(path.join(root, "en", file));
      const zh = parseStrict(path.join(root, "zh", file));
      expect(en.duplicates).toEqual([]);
      expect(zh.duplicates).toEqual([]);
      expect(keyPaths(zh.value).sort()).toEqual(keyPaths(en.value).sort());
    });
  }
});
