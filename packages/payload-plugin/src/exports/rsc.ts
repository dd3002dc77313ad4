// Server (RSC) admin components, referenced by path as '@orbit/payload-plugin-deployments/rsc#Name'.
export { DeploymentsPanel } from '../components/DeploymentsPanel/index.js'
