// The built page (www/dist) on a random free localhost port, served by the same server as
// scripts/serve.sh — so every journey runs under the real Content-Security-Policy and the
// other security headers, with compression.
export { serve } from '../../scripts/static-server.mjs';
