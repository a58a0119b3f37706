// A utility-process entry for the stand-in's own test: says hello with its argv and heap
// limit, then runs out of heap when asked.
import { getHeapStatistics } from 'node:v8'

process.parentPort.postMessage({
  argv: process.argv,
  heapLimitMb: getHeapStatistics().heap_size_limit / 1024 / 1024,
})
process.parentPort.on('message', () => {
  const hog = []
  for (;;) hog.push(new Array(100_000).fill(Math.random()))
})
