// Plain Vite build of the consumer page; nothing dealteam-specific is needed for
// `vite build`. (For `vite dev`, add `optimizeDeps: { exclude: ["dealteam"] }` so the
// .wasm URL is not rewritten by dependency pre-bundling.)
import { fileURLToPath } from "node:url";
export default {
  root: fileURLToPath(new URL(".", import.meta.url)),
  logLevel: "warn",
  build: { outDir: "dist", emptyOutDir: true },
  optimizeDeps: { exclude: ["dealteam"] },
};
