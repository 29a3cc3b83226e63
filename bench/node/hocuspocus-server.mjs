// Hocuspocus with its defaults (no extensions, no persistence), on an OS-chosen port.
import { Server } from '@hocuspocus/server'

const server = new Server({ address: '127.0.0.1', port: 0, quiet: true })
await server.listen()
console.log(`LISTENING ${server.address.port}`)
