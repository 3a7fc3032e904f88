// Stands in for the `dealteam` package when the build has none (pkg/ not generated yet):
// it exports nothing, so the worker reports every feature as "not available in this build".
export {};
