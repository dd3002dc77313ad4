// Workflow history as searchable text. fetchHistory() returns payloads base64-encoded (in JSON)
// or as bytes, so a plain JSON.stringify would hide their content from a "no secret" search:
// every payload's data is decoded and appended here.
import type { WorkflowHandle } from '@temporalio/client'

type History = Awaited<ReturnType<WorkflowHandle['fetchHistory']>>

export function historyText(history: History): string {
  const decoded: string[] = []
  const json = JSON.stringify(history, (key, value: unknown) => {
    if (key === 'data' && typeof value === 'string') decoded.push(Buffer.from(value, 'base64').toString('utf8'))
    if (key === 'data' && value instanceof Uint8Array) decoded.push(Buffer.from(value).toString('utf8'))
    return value
  })
  return `${json}\n${decoded.join('\n')}`
}
