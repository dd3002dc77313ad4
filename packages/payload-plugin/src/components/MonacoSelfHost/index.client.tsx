'use client'
import { loader } from '@monaco-editor/react'
import { CodeField, JSONField, ShimmerEffect, useConfig } from '@payloadcms/ui'
import type React from 'react'
import { useEffect, useState } from 'react'

/** Where the plugin's endpoint serves monaco-editor's `min/vs` (under the API route). */
export const MONACO_PATH = '/orbit-deployments/monaco'

let loading: Promise<void> | undefined
let done = false

/**
 * Loads Monaco from this app (`/api/orbit-deployments/monaco/vs`) instead of the jsDelivr CDN.
 * Payload's editors ship their own private copy of Monaco's loader, which takes a Monaco
 * already on `window` before reaching for the CDN; so we load it first and publish it there.
 * A failure only falls back to Payload's default (the CDN).
 */
function loadMonaco(vs: string): Promise<void> {
  loading ??= (async () => {
    try {
      loader.config({ paths: { vs } })
      const monaco = await loader.init()
      const w = window as unknown as { monaco?: unknown }
      w.monaco ??= monaco
    } catch {
      /* Payload's editor falls back to its default source */
    } finally {
      done = true
    }
  })()
  return loading
}

/** True once Monaco is on `window` (or self-hosting is off, or it failed and the default applies). */
export function useSelfHostedMonaco(enabled = true): boolean {
  const { config } = useConfig()
  const [ready, setReady] = useState(!enabled || done)
  useEffect(() => {
    if (!enabled || done) return setReady(true)
    let alive = true
    const vs = `${config.serverURL ?? ''}${config.routes?.api ?? '/api'}${MONACO_PATH}/vs`
    void loadMonaco(vs).then(() => alive && setReady(true))
    return () => {
      alive = false
    }
  }, [enabled, config.serverURL, config.routes?.api])
  return ready
}

type SelfHostProps = { selfHostMonaco?: boolean }

const Loading = () => <ShimmerEffect height="120px" />

/** Payload's JSON field, rendered once the self-hosted Monaco is available. */
export function JSONFieldSelfHosted(props: React.ComponentProps<typeof JSONField> & SelfHostProps) {
  const ready = useSelfHostedMonaco(props.selfHostMonaco !== false)
  return ready ? <JSONField {...props} /> : <Loading />
}

/** Payload's code field, rendered once the self-hosted Monaco is available. */
export function CodeFieldSelfHosted(props: React.ComponentProps<typeof CodeField> & SelfHostProps) {
  const ready = useSelfHostedMonaco(props.selfHostMonaco !== false)
  return ready ? <CodeField {...props} /> : <Loading />
}
