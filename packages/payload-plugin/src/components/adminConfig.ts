// Config-side wiring of the admin components: plain objects with string paths (Payload's import
// map resolves them), so nothing here imports React or the components themselves.
import type { CollectionConfig, Config, Field, UIField } from 'payload'

import type { SanitizedDeploymentsPluginOptions } from '../types.js'
import { monacoEndpoint } from './MonacoSelfHost/endpoint.js'

/** Where the plugin serves monaco-editor's files, under the API route (kept in sync with the client). */
export const MONACO_PATH = '/orbit-deployments/monaco'
import type { OrbitClientProps } from './shared/types.js'

export const CLIENT_ENTRY = '@orbit/payload-plugin-deployments/client'
export const RSC_ENTRY = '@orbit/payload-plugin-deployments/rsc'

/** What every admin component needs to know about the plugin's configuration. */
export function adminClientProps(cfg: SanitizedDeploymentsPluginOptions): OrbitClientProps {
  return {
    temporalUiUrl: cfg.temporalUiUrl,
    temporalNamespace: cfg.temporal.namespace,
    generatorsSlug: cfg.generatorsSlug,
    deploymentsSlug: cfg.deploymentsSlug,
    appWorkspaceField: cfg.appWorkspaceField,
    selfHostMonaco: cfg.selfHostMonaco,
  }
}

/** A component reference by path, with the plugin's settings as client props. */
type ComponentRef = { path: string; clientProps: Record<string, unknown> }

function component(cfg: SanitizedDeploymentsPluginOptions, path: string): ComponentRef {
  return { path, clientProps: { ...adminClientProps(cfg) } }
}

/** The Deployments panel, as a `ui` field for the host's apps collection. */
export function deploymentsPanelField(cfg: SanitizedDeploymentsPluginOptions): UIField {
  return {
    name: 'orbitDeployments',
    type: 'ui',
    label: 'Deployments',
    admin: { components: { Field: component(cfg, `${RSC_ENTRY}#DeploymentsPanel`) }, disableListColumn: true },
  }
}

/** Adds the Deployments panel to the apps collection (once; the host may have placed it itself). */
export function withDeploymentsPanel(collection: CollectionConfig, cfg: SanitizedDeploymentsPluginOptions): CollectionConfig {
  if (collection.fields.some((f) => 'name' in f && f.name === 'orbitDeployments')) return collection
  return { ...collection, fields: [...collection.fields, deploymentsPanelField(cfg)] }
}

/** List-view cells of the deployments collection: status and health as the panel's badges. */
export function badgeCell(name: 'StatusCell' | 'HealthCell'): { Cell: string } {
  return { Cell: `${CLIENT_ENTRY}#${name}` }
}

/** Generator edit view: **Test render** below the templates. */
export function generatorTestRenderField(cfg: SanitizedDeploymentsPluginOptions): UIField {
  return {
    name: 'testRender',
    type: 'ui',
    label: 'Test render',
    admin: { components: { Field: component(cfg, `${CLIENT_ENTRY}#GeneratorTestRender`) }, disableListColumn: true },
  }
}

/** Generator's configSchema: Payload's JSON editor plus live schema checks. */
export const configSchemaFieldComponents = (cfg: SanitizedDeploymentsPluginOptions) => ({ Field: component(cfg, `${CLIENT_ENTRY}#ConfigSchemaField`) })

/** Deployment's config: the form generated from the generator's schema instead of raw JSON. */
export const deploymentConfigFieldComponents = (cfg: SanitizedDeploymentsPluginOptions) => ({ Field: component(cfg, `${CLIENT_ENTRY}#DeploymentConfigField`) })

/** Deployment edit view sidebar: live status, Temporal link, Re-generate / Destroy. */
export function deploymentRunInfoField(cfg: SanitizedDeploymentsPluginOptions): UIField {
  return {
    name: 'runInfo',
    type: 'ui',
    label: 'Run',
    admin: { position: 'sidebar', components: { Field: component(cfg, `${CLIENT_ENTRY}#DeploymentRunInfo`) }, disableListColumn: true },
  }
}

/** Attach `admin.components` to a field by name (no-op if the field is absent, e.g. overridden away). */
export function withComponents(fields: Field[], name: string, components: Record<string, ComponentRef>): Field[] {
  return fields.map((f) =>
    'name' in f && f.name === name ? ({ ...f, admin: { ...(f.admin ?? {}), components: { ...((f.admin as { components?: object } | undefined)?.components ?? {}), ...components } } } as Field) : f,
  )
}

/** Payload's code field, waiting for the self-hosted Monaco (see MonacoSelfHost). */
export const codeFieldComponents = (cfg: SanitizedDeploymentsPluginOptions) => ({ Field: component(cfg, `${CLIENT_ENTRY}#CodeFieldSelfHosted`) })

/** Payload's JSON field, waiting for the self-hosted Monaco (see MonacoSelfHost). */
export const jsonFieldComponents = (cfg: SanitizedDeploymentsPluginOptions) => ({ Field: component(cfg, `${CLIENT_ENTRY}#JSONFieldSelfHosted`) })

/**
 * Admin-wide additions (mutates the fresh config the plugin returns): the endpoint that serves
 * Monaco from this app when `selfHostMonaco` is on.
 */
export function withAdminAssets(config: Config, cfg: SanitizedDeploymentsPluginOptions): Config {
  if (!cfg.selfHostMonaco) return config
  config.endpoints = [...(config.endpoints ?? []), monacoEndpoint(MONACO_PATH)]
  return config
}
