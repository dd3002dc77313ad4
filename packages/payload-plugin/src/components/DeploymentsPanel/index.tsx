import type { Payload, PayloadRequest, TypedUser } from 'payload'

import type { DeploymentDoc } from '../shared/types.js'
import { DeploymentsPanelClient } from './index.client.js'
import type { DeploymentsPanelProps } from './index.client.js'

type ServerProps = DeploymentsPanelProps & {
  id?: number | string
  payload?: Payload
  req?: PayloadRequest
  user?: TypedUser | null
}

/**
 * Server half of the Deployments panel: reads the app's deployments through the Local API
 * as the signed-in user (`overrideAccess: false`, so access control applies) for the first
 * paint, then hands over to the client panel, which polls.
 */
export async function DeploymentsPanel(props: ServerProps) {
  const { id, payload, req, user, deploymentsSlug = 'deployments', temporalUiUrl, temporalNamespace, generatorsSlug, appWorkspaceField } = props
  let initialDeployments: DeploymentDoc[] | undefined
  if (payload && id !== undefined && id !== null && id !== '' && (req?.user ?? user)) {
    try {
      const res = await payload.find({
        collection: deploymentsSlug,
        where: { app: { equals: id } },
        depth: 1,
        limit: 100,
        sort: '-createdAt',
        overrideAccess: false,
        ...(req ? { req } : { user: user ?? undefined }),
      })
      initialDeployments = res.docs as unknown as DeploymentDoc[]
    } catch {
      initialDeployments = undefined // the client loads them (and shows any error)
    }
  }
  return (
    <DeploymentsPanelClient
      {...{ deploymentsSlug, temporalUiUrl, temporalNamespace, generatorsSlug, appWorkspaceField }}
      {...(initialDeployments ? { initialDeployments } : {})}
    />
  )
}
