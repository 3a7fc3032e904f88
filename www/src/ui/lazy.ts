// Heavy libraries load on first use (charts, Markdown, CSV), keeping the first render small.
export const loadPlot = () => import('@observablehq/plot');
export const loadPapa = () => import('papaparse').then((m) => m.default);
