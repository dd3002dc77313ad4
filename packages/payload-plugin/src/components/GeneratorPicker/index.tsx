'use client'
import { useMemo, useState } from 'react'

import type { GeneratorDoc } from '../shared/types.js'

const CATEGORY_LABELS: Record<string, string> = {
  'local-dev': 'Local development',
  cloud: 'Cloud',
  kubernetes: 'Kubernetes',
  custom: 'Custom',
}
const CATEGORY_ORDER = ['local-dev', 'cloud', 'kubernetes', 'custom']
/** Above this many generators the picker shows a search box. */
export const SEARCH_THRESHOLD = 6

export interface GeneratorPickerProps {
  generators: GeneratorDoc[]
  selectedId?: string | undefined
  onPick: (generator: GeneratorDoc) => void
}

/** Generator cards grouped by category (built-ins and the workspace's own), with search when there are many. */
export function GeneratorPicker({ generators, selectedId, onPick }: GeneratorPickerProps) {
  const [query, setQuery] = useState('')
  const groups = useMemo(() => {
    const q = query.trim().toLowerCase()
    const matches = generators.filter(
      (g) => !q || [g.name, g.slug, g.description ?? '', g.executorType, g.category ?? ''].some((text) => text.toLowerCase().includes(q)),
    )
    const byCategory = new Map<string, GeneratorDoc[]>()
    for (const g of matches) {
      const key = g.category || 'custom'
      byCategory.set(key, [...(byCategory.get(key) ?? []), g])
    }
    return [...byCategory.entries()].sort(([a], [b]) => {
      const ia = CATEGORY_ORDER.indexOf(a)
      const ib = CATEGORY_ORDER.indexOf(b)
      return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b)
    })
  }, [generators, query])

  return (
    <div className="orbit-picker">
      {generators.length > SEARCH_THRESHOLD ? (
        <div className="orbit-field orbit-search">
          <label htmlFor="orbit-generator-search">Search generators</label>
          <input id="orbit-generator-search" className="orbit-input" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Name, executor or category" />
        </div>
      ) : null}
      {generators.length === 0 ? <p className="orbit-empty">No generators are available to this workspace yet. A platform admin can add one under Deployment Generators.</p> : null}
      {generators.length > 0 && groups.length === 0 ? <p className="orbit-empty">No generator matches “{query}”.</p> : null}
      {groups.map(([category, list]) => (
        <section key={category} className="orbit-picker__group" aria-labelledby={`orbit-cat-${category}`}>
          <h4 id={`orbit-cat-${category}`}>{CATEGORY_LABELS[category] ?? category}</h4>
          <div className="orbit-picker__grid">
            {list.map((g) => (
              <button
                key={String(g.id)}
                type="button"
                className="orbit-gen-card"
                aria-pressed={selectedId === String(g.id)}
                data-generator={g.slug}
                onClick={() => onPick(g)}
              >
                <span className="orbit-gen-card__icon" aria-hidden="true">
                  {g.icon || '⚙️'}
                </span>
                <span className="orbit-gen-card__body">
                  <span className="orbit-gen-card__name">{g.name}</span>
                  {g.description ? <span className="orbit-gen-card__desc">{g.description}</span> : null}
                  <span className="orbit-gen-card__meta">
                    {g.executorType} · {g.isBuiltIn ? 'built-in' : 'this workspace'}
                  </span>
                </span>
              </button>
            ))}
          </div>
        </section>
      ))}
    </div>
  )
}
