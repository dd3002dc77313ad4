// Next.js ambient types for `pnpm typecheck`, which does not read .next/ (so it can run while
// `next build` rewrites that folder). next-env.d.ts does the same for the build itself.
/// <reference types="next" />
/// <reference types="next/image-types/global" />
