'use client'
import type React from 'react'

/**
 * The plugin's styles, built only on Payload's CSS variables so light and dark themes both work.
 * Rendered as a React 19 hoisted <style> (deduplicated by href), so the package needs no CSS
 * build step and works in any Payload app.
 */
const css = `
.orbit-panel{display:flex;flex-direction:column;gap:calc(var(--base) * .75);margin:calc(var(--base) * 1.5) 0}
.orbit-panel__header{display:flex;align-items:center;justify-content:space-between;gap:var(--base);flex-wrap:wrap}
.orbit-panel__header h3,.orbit-panel__header h2{margin:0}
.orbit-muted{color:var(--theme-elevation-500)}
.orbit-empty{padding:var(--base);border:1px dashed var(--theme-elevation-150);border-radius:var(--style-radius-m);color:var(--theme-elevation-500)}
.orbit-card{border:1px solid var(--theme-elevation-150);border-radius:var(--style-radius-m);background:var(--theme-elevation-0);padding:calc(var(--base) * .75) var(--base);display:flex;flex-direction:column;gap:calc(var(--base) * .5)}
.orbit-card__top{display:flex;align-items:center;gap:calc(var(--base) * .5);flex-wrap:wrap}
.orbit-card__name{font-weight:600;font-size:1.05rem;margin-right:auto;color:var(--theme-text)}
.orbit-card__name a{color:inherit;text-decoration:none}
.orbit-card__name a:hover,.orbit-card__name a:focus-visible{text-decoration:underline}
.orbit-facts{display:grid;grid-template-columns:max-content 1fr;gap:4px calc(var(--base) * .75);margin:0;font-size:.9rem}
.orbit-facts dt{color:var(--theme-elevation-500)}
.orbit-facts dd{margin:0;min-width:0;overflow-wrap:anywhere}
.orbit-actions{display:flex;gap:calc(var(--base) * .5);flex-wrap:wrap;align-items:center}
.orbit-actions .btn{margin:0}
.orbit-badge{display:inline-flex;align-items:center;gap:6px;border-radius:999px;padding:2px 10px;font-size:.8rem;font-weight:500;line-height:1.4;border:1px solid transparent;white-space:nowrap}
.orbit-badge::before{content:"";width:8px;height:8px;border-radius:50%;background:currentColor}
.orbit-badge--neutral,.orbit-badge--muted{background:var(--theme-elevation-100);color:var(--theme-elevation-700)}
.orbit-badge--progress{background:var(--theme-elevation-100);color:var(--theme-elevation-900);border-color:var(--theme-elevation-300)}
.orbit-badge--progress::before{animation:orbit-pulse 1s ease-in-out infinite}
.orbit-badge--success{background:var(--theme-success-100);color:var(--theme-success-800);border-color:var(--theme-success-300)}
.orbit-badge--warning{background:var(--theme-warning-100);color:var(--theme-warning-800);border-color:var(--theme-warning-300)}
.orbit-badge--error{background:var(--theme-error-100);color:var(--theme-error-800);border-color:var(--theme-error-300)}
@keyframes orbit-pulse{50%{opacity:.25}}
@media (prefers-reduced-motion: reduce){.orbit-badge--progress::before{animation:none}}
.orbit-error-text{border-left:3px solid var(--theme-error-500);background:var(--theme-error-50);color:var(--theme-error-800);padding:6px 10px;border-radius:var(--style-radius-s);margin:0;white-space:pre-wrap}
.orbit-mono{font-family:var(--font-mono, monospace);font-size:.85em}
.orbit-picker{display:flex;flex-direction:column;gap:var(--base)}
.orbit-picker__group h4{margin:0 0 calc(var(--base) * .5);font-size:.8rem;text-transform:uppercase;letter-spacing:.05em;color:var(--theme-elevation-500)}
.orbit-picker__grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:calc(var(--base) * .5)}
.orbit-gen-card{all:unset;box-sizing:border-box;cursor:pointer;display:flex;gap:12px;align-items:flex-start;padding:12px 14px;border:1px solid var(--theme-elevation-150);border-radius:var(--style-radius-m);background:var(--theme-elevation-0);color:var(--theme-text);transition:border-color .1s, box-shadow .1s}
.orbit-gen-card:hover{border-color:var(--theme-elevation-400)}
.orbit-gen-card:focus-visible{outline:2px solid var(--theme-success-500);outline-offset:2px}
.orbit-gen-card[aria-pressed="true"]{border-color:var(--theme-elevation-800);box-shadow:0 0 0 1px var(--theme-elevation-800)}
.orbit-gen-card__icon{font-size:1.6rem;line-height:1}
.orbit-gen-card__body{display:flex;flex-direction:column;gap:4px;min-width:0}
.orbit-gen-card__name{font-weight:600}
.orbit-gen-card__desc{font-size:.85rem;color:var(--theme-elevation-600)}
.orbit-gen-card__meta{font-size:.75rem;color:var(--theme-elevation-500)}
.orbit-input,.orbit-form input:not([type=checkbox]):not([type=radio]),.orbit-form select,.orbit-form textarea{box-sizing:border-box;font-family:var(--font-body);width:100%;border:1px solid var(--theme-elevation-150);border-radius:var(--style-radius-s);background:var(--theme-input-bg);color:var(--theme-elevation-800);font-size:1rem;min-height:40px;line-height:20px;padding:8px 15px;box-shadow:0 2px 2px -1px #0000001a}
.orbit-form textarea{min-height:80px}
.orbit-input:focus,.orbit-form input:focus,.orbit-form select:focus,.orbit-form textarea:focus{outline:none;border-color:var(--theme-elevation-400);box-shadow:0 0 0 2px var(--theme-elevation-150)}
.orbit-form .orbit-field.orbit-field--error input.form-control,.orbit-form .orbit-field.orbit-field--error select.form-control,.orbit-form .orbit-field.orbit-field--error textarea.form-control,.orbit-form input.orbit-input[aria-invalid=true],.orbit-form input[aria-invalid=true]{border-color:var(--theme-error-400);background:var(--theme-error-50)}
.orbit-form{display:flex;flex-direction:column;gap:calc(var(--base) * .75)}
.orbit-field{display:flex;flex-direction:column;gap:4px}
.orbit-field>label,.orbit-fieldset>legend{font-size:13px;line-height:20px;color:var(--theme-elevation-800)}
.orbit-required{color:var(--theme-error-500);margin-left:4px}
.orbit-field__description{color:var(--theme-elevation-500);font-size:.85rem;margin:0}
.orbit-field__errors{list-style:none;margin:0;padding:0;color:var(--theme-error-500);font-size:.85rem}
.orbit-fieldset{border:1px solid var(--theme-elevation-150);border-radius:var(--style-radius-m);padding:calc(var(--base) * .5) calc(var(--base) * .75) calc(var(--base) * .75);margin:0;display:flex;flex-direction:column;gap:calc(var(--base) * .5);min-width:0}
.orbit-fieldset--root{border:0;padding:0}
.orbit-fieldset>legend{padding:0 4px}
.orbit-array__row{display:flex;gap:calc(var(--base) * .5);align-items:flex-end}
.orbit-array__row>.orbit-array__content{flex:1;min-width:0}
.orbit-array__row .orbit-fieldset{border:0;padding:0;flex-direction:row;flex-wrap:wrap}
.orbit-array__row .orbit-fieldset>.orbit-field{flex:1 1 180px}
.orbit-array__row .orbit-fieldset>legend{display:none}
.orbit-array__buttons{display:flex;gap:4px;padding-bottom:2px}
.orbit-icon-btn{all:unset;box-sizing:border-box;cursor:pointer;display:inline-flex;align-items:center;justify-content:center;min-width:36px;height:36px;padding:0 8px;border-radius:var(--style-radius-s);border:1px solid var(--theme-elevation-150);background:var(--theme-elevation-50);color:var(--theme-elevation-800);font-size:.85rem}
.orbit-icon-btn:hover{background:var(--theme-elevation-100)}
.orbit-icon-btn:focus-visible{outline:2px solid var(--theme-success-500);outline-offset:1px}
.orbit-icon-btn:disabled{opacity:.5;cursor:not-allowed}
.orbit-files{display:flex;flex-direction:column;gap:calc(var(--base) * .5)}
.orbit-file{border:1px solid var(--theme-elevation-150);border-radius:var(--style-radius-m);overflow:hidden}
.orbit-file__path{padding:6px 12px;background:var(--theme-elevation-50);border-bottom:1px solid var(--theme-elevation-150);font-family:var(--font-mono, monospace);font-size:.85rem}
.orbit-file pre{margin:0;padding:12px;overflow:auto;max-height:420px;background:var(--theme-elevation-0);color:var(--theme-text);font-size:.85rem}
.orbit-search{max-width:360px}
.orbit-drawer-body{display:flex;flex-direction:column;gap:var(--base);padding-bottom:calc(var(--base) * 2)}
.orbit-steps{display:flex;gap:16px;list-style:none;margin:0;padding:0;font-size:.85rem;color:var(--theme-elevation-500)}
.orbit-steps [aria-current=step]{color:var(--theme-text);font-weight:600}
.orbit-schema-check{margin-top:calc(var(--base) * .5);font-size:.9rem}
.orbit-schema-check ul{margin:4px 0 0;padding-left:18px;color:var(--theme-error-500)}
.orbit-ok{color:var(--theme-success-600)}
.orbit-btn-danger.btn{color:var(--theme-error-500);border-color:var(--theme-error-400);box-shadow:inset 0 0 0 1px var(--theme-error-400)}
.orbit-btn-danger.btn:not(:disabled):hover{background:var(--theme-error-50)}
.orbit-sidebar-box{display:flex;flex-direction:column;gap:calc(var(--base) * .5);margin-bottom:var(--base)}
`

export const Styles: React.FC = () => (
  <style href="orbit-deployments-admin" precedence="default">
    {css}
  </style>
)
