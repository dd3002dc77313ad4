import { ExecutorDuplicateError, ExecutorNotFoundError } from './errors.js'
import type { Executor } from './types.js'

/**
 * A small, strict map of executors by type: registering a type twice or asking for an unknown
 * type throws.
 *
 * @example
 * const registry = new ExecutorRegistry().register(createDockerComposeExecutor())
 * registry.get('docker-compose').generate(req)
 */
export class ExecutorRegistry {
  readonly #executors = new Map<string, Executor>()

  constructor(executors: Iterable<Executor> = []) {
    for (const executor of executors) this.register(executor)
  }

  register(executor: Executor): this {
    if (this.#executors.has(executor.type)) throw new ExecutorDuplicateError(executor.type)
    this.#executors.set(executor.type, executor)
    return this
  }

  has(type: string): boolean {
    return this.#executors.has(type)
  }

  get(type: string): Executor {
    const executor = this.#executors.get(type)
    if (!executor) throw new ExecutorNotFoundError(type, [...this.#executors.keys()])
    return executor
  }

  list(): Executor[] {
    return [...this.#executors.values()]
  }
}
