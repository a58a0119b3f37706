// Types for what build-main.mjs exports (its size test imports it).
import type { BuildOptions } from 'esbuild'

export function preloadTarget(): Promise<BuildOptions>
export function cliTarget(): BuildOptions
