// Client admin components ('use client') are referenced by path as
// '@orbit/payload-plugin-deployments/client#Name'. None yet.
export {}
