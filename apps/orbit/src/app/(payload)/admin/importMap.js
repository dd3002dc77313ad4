import { DeploymentsPanel as DeploymentsPanel_9a533a9172aa73e0ffab9121cd8e61b5 } from '@orbit/payload-plugin-deployments/rsc'
import { ConfigSchemaField as ConfigSchemaField_18910fc49117f604338fadc185763020 } from '@orbit/payload-plugin-deployments/client'
import { GeneratorTestRender as GeneratorTestRender_18910fc49117f604338fadc185763020 } from '@orbit/payload-plugin-deployments/client'
import { DeploymentConfigField as DeploymentConfigField_18910fc49117f604338fadc185763020 } from '@orbit/payload-plugin-deployments/client'
import { DeploymentRunInfo as DeploymentRunInfo_18910fc49117f604338fadc185763020 } from '@orbit/payload-plugin-deployments/client'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "@orbit/payload-plugin-deployments/rsc#DeploymentsPanel": DeploymentsPanel_9a533a9172aa73e0ffab9121cd8e61b5,
  "@orbit/payload-plugin-deployments/client#ConfigSchemaField": ConfigSchemaField_18910fc49117f604338fadc185763020,
  "@orbit/payload-plugin-deployments/client#GeneratorTestRender": GeneratorTestRender_18910fc49117f604338fadc185763020,
  "@orbit/payload-plugin-deployments/client#DeploymentConfigField": DeploymentConfigField_18910fc49117f604338fadc185763020,
  "@orbit/payload-plugin-deployments/client#DeploymentRunInfo": DeploymentRunInfo_18910fc49117f604338fadc185763020,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
