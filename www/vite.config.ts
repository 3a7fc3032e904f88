// Builds the planner as static files into www/dist.
// The engine package `dealteam` is the generated ../pkg (built by scripts/build-pkg.sh and
// committed); DEALTEAM_PKG may point elsewhere. When no package exists yet, `dealteam`
// resolves to src/engine/absent.ts and every engine feature says "not available in this build".
import { defineConfig } from 'vite';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const here = import.meta.dirname;
const pkgDir = process.env.DEALTEAM_PKG ? resolve(process.env.DEALTEAM_PKG) : resolve(here, '../pkg');
const engine = existsSync(resolve(pkgDir, 'package.json')) ? pkgDir : resolve(here, 'src/engine/absent.ts');

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
