// The names of the contract's operations and events: all the preload needs to refuse unknown
// ones before anything crosses to main (main validates every input with the full schemas).
// The build (main/tools/build-main.mjs) replaces this module in the preload bundle with the
// two lists as literals, so the preload carries a few hundred bytes instead of zod and every
// schema; under Node (tests, typecheck) it reads the same names from the contract.
import { OPS } from '../../shared/api.ts'
import { EVENT_NAMES } from '../../shared/events.ts'

export const OP_NAMES: readonly string[] = OPS
export const EVENT_NAME_LIST: readonly string[] = EVENT_NAMES
