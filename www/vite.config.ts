// Builds the planner as static files into www/dist.
// The engine package `dealteam` is the generated ../pkg (built by scripts/build-pkg.sh and
// committed); DEALTEAM_PKG may point elsewhere. The page is typed by that package's generated
// declarations (tsconfig.json), so a build without it stops with what to run.
import { defineConfig } from 'vite';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const here = import.meta.dirname;
const pkgDir = process.env.DEALTEAM_PKG ? resolve(process.env.DEALTEAM_PKG) : resolve(here, '../pkg');
if (!existsSync(resolve(pkgDir, 'package.json'))) throw new Error(`No engine package at ${pkgDir}: run scripts/build-pkg.sh (or set DEALTEAM_PKG).`);
const engine = pkgDir;

export default defineConfig({
  base: './',
  resolve: { alias: { dealteam: engine } },
  worker: { format: 'es' },
  server: { fs: { allow: [here, pkgDir] } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      output: {
        // name lazily loaded chunks after their library (Plot's entry is src/index.js)
        chunkFileNames: (c) => (c.facadeModuleId?.includes('@observablehq/plot') ? 'assets/plot-[hash].js' : 'assets/[name]-[hash].js'),
      },
    },
  },
});
