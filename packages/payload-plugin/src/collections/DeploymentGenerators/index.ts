import { EXECUTOR_TYPES, GENERATOR_CATEGORIES } from '@orbit/deployments-core'
import type { CollectionConfig, Field } from 'payload'

import { generatorAccess } from '../../access/generators.js'
import type { PluginContext } from '../../context.js'
import { codeFieldComponents, configSchemaFieldComponents, generatorTestRenderField } from '../../components/adminConfig.js'
import { documentSafeKeys } from '../../utilities/documentKeys.js'
import { applyOverrides } from '../mergeOverrides.js'
import { previewEndpoint } from './endpoints/preview.js'
import { deriveSlugHook } from './hooks/deriveSlug.js'
import { refuseDeleteWhileUsedHook } from './hooks/refuseDeleteWhileUsed.js'
import { validateDefinitionHook } from './hooks/validateDefinition.js'

const EXECUTOR_LABELS: Record<string, string> = {
  'docker-compose': 'Docker Compose',
  terraform: 'Terraform',
  helm: 'Helm',
  kubernetes: 'Kubernetes',
}

/** The `deployment-generators` collection: templates + JSON Schema of inputs + executor type. */
export function generateDeploymentGeneratorsCollection(ctx: PluginContext): CollectionConfig {
  const { cfg } = ctx
  const access = generatorAccess(cfg)
  const defaultFields: Field[] = [
    { name: 'name', type: 'text', required: true },
    {
      name: 'slug',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      admin: { description: 'Lowercase letters, digits and hyphens. Left empty, it is derived from the name.' },
    },
    { name: 'description', type: 'textarea' },
    {
      name: 'executorType',
      type: 'select',
      required: true,
      options: EXECUTOR_TYPES.map((value) => ({ label: EXECUTOR_LABELS[value] ?? value, value })),
    },
    {
      name: 'configSchema',
      type: 'json',
      required: true,
      hooks: documentSafeKeys,
      admin: { description: 'JSON Schema (draft 2020-12) of the inputs a developer fills in.', components: configSchemaFieldComponents(cfg) },
    },
    {
      name: 'templateFiles',
      type: 'array',
      required: true,
      minRows: 1,
      labels: { singular: 'Template file', plural: 'Template files' },
      fields: [
        { name: 'path', type: 'text', required: true, admin: { description: 'Relative path in the repository; may use {{…}}.' } },
        { name: 'content', type: 'code', required: true, admin: { language: 'handlebars', components: codeFieldComponents(cfg) } },
      ],
    },
    generatorTestRenderField(cfg),
    {
      name: 'isBuiltIn',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      access: { create: access.platformAdminOnly, update: access.platformAdminOnly },
      admin: { position: 'sidebar', description: 'Built-in generators are visible to every workspace.' },
    },
    {
      name: 'workspace',
      type: 'relationship',
      relationTo: cfg.workspacesSlug,
      index: true,
      access: { update: access.platformAdminOnly },
      admin: { position: 'sidebar', description: 'The owning workspace; empty for built-in generators.' },
    },
    { name: 'icon', type: 'text', admin: { position: 'sidebar' } },
    {
      name: 'category',
      type: 'select',
      options: GENERATOR_CATEGORIES.map((value) => ({ label: value, value })),
      admin: { position: 'sidebar' },
    },
    {
      name: 'version',
      type: 'number',
      required: true,
      defaultValue: 1,
      min: 1,
      validate: (value: unknown) => (Number.isInteger(value) && (value as number) >= 1) || 'must be a positive whole number',
      admin: { position: 'sidebar', description: 'Seeding replaces a built-in generator only when its version is higher.' },
    },
  ]
  const base: CollectionConfig = {
    slug: cfg.generatorsSlug,
    labels: { singular: 'Deployment Generator', plural: 'Deployment Generators' },
    admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug', 'executorType', 'isBuiltIn', 'workspace', 'version'], group: 'Deployments' },
    access: { read: access.read, create: access.create, update: access.update, delete: access.delete },
    fields: defaultFields,
    hooks: {
      beforeValidate: [deriveSlugHook()],
      beforeChange: [validateDefinitionHook(ctx)],
      beforeDelete: [refuseDeleteWhileUsedHook(ctx)],
    },
    endpoints: cfg.enabled ? [previewEndpoint(ctx, access)] : [],
  }
  return applyOverrides(base, defaultFields, cfg.generatorsOverrides)
}
