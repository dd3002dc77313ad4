// Build step: bundles the workflows for the Temporal sandbox into dist/workflow-bundle.js, which
// orbit-worker loads in production instead of running webpack at every start.
import { bundleWorkflowCode } from '@temporalio/worker'
import { writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { workflowBundlerOptions, workflowsPath } from '../worker.js'

const dist = join(dirname(fileURLToPath(import.meta.url)), '..')
const { code } = await bundleWorkflowCode({ workflowsPath: workflowsPath(), ...workflowBundlerOptions() })
await writeFile(join(dist, 'workflow-bundle.js'), code)
process.stdout.write(`workflow bundle: ${join(dist, 'workflow-bundle.js')} (${Math.round(code.length / 1024)} KiB)\n`)
