export { createDefaultExecutorRegistry, createDockerComposeExecutor } from './executors/index.js'
