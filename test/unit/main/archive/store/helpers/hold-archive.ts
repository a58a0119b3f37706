// Another Quire, for lock tests: opens the archive given as argv[2], says "ready" on stdout,
// and holds it until its stdin closes, then exits normally (so its exit hook runs).
import { ArchiveService } from '../../../../../../main/archive/service.ts'

const service = await ArchiveService.open(process.argv[2]!)
process.stdout.write(`ready ${(await service.info()).readOnly ? 'read-only' : 'writer'}\n`)
process.stdin.resume()
process.stdin.on('end', () => process.exit(0))
