// Unit tests call the HTML parsing code directly (synchronously), as the pipeline does after
// it has loaded linkedom on the first import (main/archive/import/html/linkedom-runtime.ts).
import { loadLinkedom } from '../../../main/archive/import/html/linkedom-runtime.ts'

await loadLinkedom()
