// ESLint rule: a client component ("use client") must not reach a module that imports
// `server-only`, directly or through the project files it imports. Next's build would fail on
// the same import later and with less context; no published rule follows the import graph to
// that marker, so this one does, reading the project's own files (types-only imports excluded).
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const EXTENSIONS = [".ts", ".tsx", ".js", ".mjs", "/index.ts", "/index.tsx"];
const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?!type\s)(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/g;
const serverOnlyChain = new Map();

function resolve(from, specifier) {
  let base;
  if (specifier.startsWith("@/")) base = path.join(root, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return null;
  if (fs.existsSync(base) && fs.statSync(base).isFile()) return base;
  for (const ext of EXTENSIONS) if (fs.existsSync(base + ext)) return base + ext;
  return null;
}

/** The chain of files from `file` to one importing `server-only`, or null. */
function chainToServerOnly(file, seen = new Set()) {
  if (serverOnlyChain.has(file)) return serverOnlyChain.get(file);
  if (seen.has(file)) return null;
  seen.add(file);
  const source = fs.readFileSync(file, "utf8");
  // A "use server" module is called from the client over the network, never bundled into it.
  if (/^\s*(?:\/\/[^\n]*\n\s*)*["']use server["']/.test(source)) {
    serverOnlyChain.set(file, null);
    return null;
  }
  let found = null;
  for (const [, specifier] of source.matchAll(IMPORT)) {
    if (specifier === "server-only") {
      found = [file];
      break;
    }
    const target = resolve(file, specifier);
    const rest = target && chainToServerOnly(target, seen);
    if (rest) {
      found = [file, ...rest];
      break;
    }
  }
  serverOnlyChain.set(file, found);
  return found;
}

const rule = {
  meta: {
    type: "problem",
    messages: { serverOnly: "A client component imports server-only code: {{chain}}." },
    schema: [],
  },
  create(context) {
    const isClient = context.sourceCode.ast.body.some(
      (n) => n.type === "ExpressionStatement" && n.directive === "use client",
    );
    if (!isClient) return {};
    const check = (node) => {
      if (node.importKind === "type" || node.exportKind === "type" || !node.source) return;
      const target = resolve(context.filename, node.source.value);
      const chain = target && chainToServerOnly(target);
      if (chain) {
        const shown = chain.map((f) => path.relative(root, f)).join(" → ");
        context.report({ node, messageId: "serverOnly", data: { chain: shown } });
      }
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

export default rule;
