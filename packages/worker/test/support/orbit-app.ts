// Runs the REAL Orbit app (apps/orbit, built by `next build`) with `next start`, as production
// does (helpers in @orbit/testing, shared with the app's and the browser suites). The worker's
// package.json lists @orbit/app as a devDependency so that turbo builds the app before this
// package's tests; a missing build fails the suite with what to run.
import { orbitAppDir, requireBuiltOrbitApp, restClient, startBuiltOrbitApp } from '@orbit/testing'
export type { RunningOrbitApp } from '@orbit/testing'

export const appDir = orbitAppDir
export const requireBuiltApp = requireBuiltOrbitApp
export const startOrbitApp = (env: Record<string, string>) => startBuiltOrbitApp(env)
export const api = restClient
export type Api = ReturnType<typeof restClient>
