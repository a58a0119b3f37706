// The W3C Web Annotation test suite's assertions, run with a draft-04 JSON Schema validator
// (Ajv with ajv-draft-04 and ajv-formats, as the suite's harness does with its own Ajv):
// a document conforms when every MUST assertion of a .test file validates.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import Ajv from 'ajv-draft-04'
import addFormats from 'ajv-formats'
import type { AnySchema, ValidateFunction } from 'ajv'

export interface AssertionResult {
  test: string
  assertion: string
  level: 'must' | 'should' | 'may'
  passed: boolean
  message: string
}

export interface W3cSuite {
  /** Every assertion of `testFile` (e.g. annotations/annotationMusts.test) run on `doc`. */
  run(testFile: string, doc: unknown): AssertionResult[]
}

/** Loads the suite at `dir` (definitions/, annotations/, collections/). Throws when absent. */
export function loadW3cSuite(dir: string): W3cSuite {
  if (!existsSync(join(dir, 'definitions'))) {
    throw new Error(`no W3C annotation test suite at ${dir} (definitions/ is missing)`)
  }
  const ajv = new Ajv({ allErrors: false, strict: false, validateFormats: true })
  addFormats(ajv)
  for (const file of jsonFiles(join(dir, 'definitions'))) ajv.addSchema(readJson(file) as AnySchema)
  const assertions = new Map<string, { validate: ValidateFunction; level: string; error: string }>()
  for (const sub of ['annotations', 'collections']) {
    for (const file of jsonFiles(join(dir, sub))) {
      const schema = readJson(file) as {
        id: string
        assertionType?: string
        errorMessage?: string
      }
      const key = relative(dir, file).split('\\').join('/')
      // Assertion ids repeat across folders (bodies vs targets): compile each on its own.
      const { id: _id, ...rest } = schema
      assertions.set(key, {
        validate: ajv.compile(rest),
        level: schema.assertionType ?? 'must',
        error: schema.errorMessage ?? key,
      })
    }
  }
  return {
    run(testFile, doc) {
      const test = readJson(join(dir, testFile)) as { assertions: string[] }
      return test.assertions.map((name) => {
        const a = assertions.get(name)
        if (!a) throw new Error(`${testFile} names ${name}, which the suite does not have`)
        const passed = a.validate(doc) === true
        return {
          test: testFile,
          assertion: name,
          level: a.level as AssertionResult['level'],
          passed,
          message: passed ? '' : a.error,
        }
      })
    },
  }
}

function jsonFiles(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...jsonFiles(path))
    else if (name.endsWith('.json')) out.push(path)
  }
  return out
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'))
}
