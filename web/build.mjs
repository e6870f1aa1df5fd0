// Bundles the workspace into dist/: index.html, assets/app.js (one ES module, minified) and assets/app.css.
// Everything the page needs is in dist; nothing is fetched from elsewhere at run time.
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist/assets', { recursive: true });
await build({
  entryPoints: ['src/main.ts'],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: false,
  legalComments: 'linked',
  outfile: 'dist/assets/app.js',
  logLevel: 'warning',
});
cpSync('static/index.html', 'dist/index.html');
cpSync('static/app.css', 'dist/assets/app.css');
