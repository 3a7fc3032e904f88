// The built page (www/dist) on a random free localhost port, served by the same server as
// scripts/serve.sh — so every journey runs under the real Content-Security-Policy and the
// other security headers. Without compression: on localhost it only costs CPU, and the first
// render is timed (`scripts/serve.sh --check` checks the compression).
import { serve as serveSite } from '../../scripts/static-server.mjs';

export const serve = (dir) => serveSite(dir, 0, '127.0.0.1', { compress: false });
