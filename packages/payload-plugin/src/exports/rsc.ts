// Server (RSC) admin components are referenced by path as
// '@orbit/payload-plugin-deployments/rsc#Name'. None yet.
export {}
