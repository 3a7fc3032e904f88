/* tslint:disable */
/* eslint-disable */
export const memory: WebAssembly.Memory;
export const __wbg_ecosystem_free: (a: number, b: number) => void;
export const attribute: (a: any) => [number, number, number];
export const auditPlan: (a: any) => [number, number, number];
export const draftAgreement: (a: any) => [number, number, number, number];
export const ecosystem_new: (a: any) => [number, number, number];
export const ecosystem_rank: (a: number, b: any, c: number) => [number, number, number];
export const ecosystem_size: (a: number) => number;
export const rank: (a: any) => [number, number, number];
export const sample: (a: number, b: number) => [number, number, number];
export const simulate: (a: any) => [number, number, number];
export const split: (a: any) => [number, number, number];
export const teams: (a: any) => [number, number, number];
export const validatePlan: (a: any) => [number, number, number];
export const version: () => [number, number];
export const __wbindgen_malloc: (a: number, b: number) => number;
export const __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
export const __wbindgen_free: (a: number, b: number, c: number) => void;
export const __wbindgen_exn_store: (a: number) => void;
export const __externref_table_alloc: () => number;
export const __wbindgen_externrefs: WebAssembly.Table;
export const __externref_table_dealloc: (a: number) => void;
export const __wbindgen_start: () => void;
