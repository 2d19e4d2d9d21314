// Types for start-decision.mjs (plain JavaScript so `npm start` runs without a build step).
export interface LaunchState {
  readonly electronBinary: string | undefined;
  readonly shellBuilt: boolean;
  readonly uiBuilt: boolean;
  readonly nativeAddon: boolean;
}
export type LaunchDecision = { readonly mode: 'electron' } | { readonly mode: 'serve'; readonly reason: string };
export function findElectronBinary(root: string, env?: NodeJS.ProcessEnv): string | undefined;
export function newestMtime(paths: readonly string[]): number;
export function isStale(target: string, sources: readonly string[]): boolean;
export function decideLaunch(state: LaunchState): LaunchDecision;
