import { DEPLOYMENT_STATUSES, HEALTH_STATUSES } from '@orbit/deployments-core'
import type { CollectionConfig, Field, FieldAccess } from 'payload'

import { deploymentAccess } from '../../access/deployments.js'
import type { PluginContext } from '../../context.js'
import { badgeCell, deploymentConfigFieldComponents, deploymentRunInfoField, jsonFieldComponents } from '../../components/adminConfig.js'
import { documentSafeKeys } from '../../utilities/documentKeys.js'
import { applyOverrides } from '../mergeOverrides.js'
import { destroyEndpoint } from './endpoints/destroy.js'
import { regenerateEndpoint } from './endpoints/regenerate.js'
import { refuseDeleteWhileRunningHook } from './hooks/refuseDeleteWhileRunning.js'
import { enforceStatusTransitionHook } from './hooks/enforceStatusTransition.js'
import { scopeToAppHook } from './hooks/scopeToApp.js'
import { startWorkflowOnCreateHook } from './hooks/startWorkflowOnCreate.js'
import { validateConfigHook } from './hooks/validateConfig.js'
import { validateWorkerFieldsHook } from './hooks/validateWorkerFields.js'

const title = (value: string) => value.charAt(0).toUpperCase() + value.slice(1)

/** The `deployments` collection: one generator applied to one app with one config. */
export function generateDeploymentsCollection(ctx: PluginContext): CollectionConfig {
  const { cfg } = ctx
  const access = deploymentAccess(cfg)
  const worker: { create: FieldAccess; update: FieldAccess } = { create: access.serviceOnly, update: access.serviceOnly }
  const byPlugin: { create: FieldAccess; update: FieldAccess } = { create: access.nobody, update: access.nobody }
  const defaultFields: Field[] = [
    { name: 'app', type: 'relationship', relationTo: cfg.appsSlug, required: true, index: true },
    { name: 'generator', type: 'relationship', relationTo: cfg.generatorsSlug, required: true, index: true },
    { name: 'name', type: 'text', required: true },
    { name: 'config', type: 'json', hooks: documentSafeKeys, admin: { description: "Inputs for the generator, checked against its JSON Schema.", components: deploymentConfigFieldComponents(cfg) } },
    {
      name: 'target',
      type: 'group',
      fields: [
        { name: 'type', type: 'text' },
        { name: 'region', type: 'text' },
        { name: 'cluster', type: 'text' },
        { name: 'namespace', type: 'text' },
      ],
    },
    deploymentRunInfoField(cfg),
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: DEPLOYMENT_STATUSES.map((value) => ({ label: title(value), value })),
      access: worker,
      admin: { position: 'sidebar', readOnly: true, components: badgeCell('StatusCell') },
    },
    { name: 'workflowId', type: 'text', access: worker, admin: { position: 'sidebar', readOnly: true } },
    { name: 'lastDeployedAt', type: 'date', access: worker, admin: { position: 'sidebar', readOnly: true } },
    { name: 'lastDeployedBy', type: 'relationship', relationTo: cfg.usersSlug, access: byPlugin, admin: { position: 'sidebar', readOnly: true } },
    { name: 'endpoints', type: 'json', access: worker, admin: { readOnly: true, description: 'URLs where the deployed app answers.', components: jsonFieldComponents(cfg) } },
    { name: 'outputs', type: 'json', hooks: documentSafeKeys, access: worker, admin: { readOnly: true, components: jsonFieldComponents(cfg) } },
    {
      name: 'healthStatus',
      type: 'select',
      options: HEALTH_STATUSES.map((value) => ({ label: title(value), value })),
      access: worker,
      admin: { position: 'sidebar', readOnly: true, components: badgeCell('HealthCell') },
    },
    { name: 'healthLastChecked', type: 'date', access: worker, admin: { position: 'sidebar', readOnly: true } },
    { name: 'lastError', type: 'textarea', access: worker, admin: { readOnly: true } },
    { name: 'commitSha', type: 'text', access: worker, admin: { position: 'sidebar', readOnly: true } },
    {
      name: 'workspace',
      type: 'relationship',
      relationTo: cfg.workspacesSlug,
      index: true,
      access: byPlugin,
      admin: { position: 'sidebar', readOnly: true, description: "Copied from the app on create; access control is scoped by it." },
    },
  ]
  const base: CollectionConfig = {
    slug: cfg.deploymentsSlug,
    labels: { singular: 'Deployment', plural: 'Deployments' },
    admin: { useAsTitle: 'name', defaultColumns: ['name', 'app', 'generator', 'status', 'healthStatus', 'updatedAt'], group: 'Deployments' },
    access: { read: access.read, create: access.create, update: access.update, delete: access.delete },
    fields: defaultFields,
    hooks: {
      beforeChange: [scopeToAppHook(ctx), validateConfigHook(ctx), enforceStatusTransitionHook(ctx), validateWorkerFieldsHook(ctx)],
      afterChange: cfg.enabled ? [startWorkflowOnCreateHook(ctx)] : [],
      beforeDelete: cfg.enabled ? [refuseDeleteWhileRunningHook(ctx)] : [],
    },
    endpoints: cfg.enabled ? [regenerateEndpoint(ctx, access), destroyEndpoint(ctx, access)] : [],
  }
  return applyOverrides(base, defaultFields, cfg.deploymentsOverrides)
}
