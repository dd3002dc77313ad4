import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // Node-only modules stay out of the server bundle: gRPC (Temporal client) and Handlebars (core's
  // renderer; webpack cannot bundle its require.extensions hook). Each is a direct dependency so
  // that `next start` resolves it from this folder under pnpm's strict node_modules (so is libsql).
  serverExternalPackages: ['@temporalio/client', '@temporalio/common', 'handlebars'],
  // Keep class names in the server build: Payload reports errors by name ("ValidationError",
  // "Forbidden") in API responses and logs, and clients rely on them.
  experimental: { serverMinification: false },
  // Sources import each other ESM-style ('./x.js' for './x.ts').
  webpack: (config: { resolve: { extensionAlias?: Record<string, string[]> } }) => {
    config.resolve.extensionAlias = {
      '.cjs': ['.cts', '.cjs'],
      '.js': ['.ts', '.tsx', '.js', '.jsx'],
      '.mjs': ['.mts', '.mjs'],
    }
    return config
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
