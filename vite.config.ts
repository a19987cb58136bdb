import { fileURLToPath } from 'node:url';
import { constants } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

const web = fileURLToPath(new URL('./web', import.meta.url));

export default defineConfig({
  root: web,
  plugins: [
    react(),
    // Beside every file of the build, its brotli (.br) and gzip (.gz) copy, compressed once at the
    // highest levels so the BFF only picks one per request (docs/decisions/013). A copy that would
    // not be smaller is not written; the BFF then sends the file as it is.
    compression({
      algorithms: [
        defineAlgorithm('brotliCompress', {
          params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
        }),
        defineAlgorithm('gzip', { level: constants.Z_BEST_COMPRESSION }),
      ],
      logLevel: 'silent',
    }),
  ],
  build: {
    outDir: `${web}/dist`,
    emptyOutDir: true,
    target: 'es2022',
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': 'http://127.0.0.1:8787' },
  },
});
