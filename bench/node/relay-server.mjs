// The physical floor: a WebSocket relay that forwards every message to the other sockets
// on the same path and keeps no state at all. Same `ws` library as y-websocket.
import http from 'node:http'
import { WebSocketServer } from 'ws'

/** @type {Map<string, Set<import('ws').WebSocket>>} */
const rooms = new Map()
const server = http.createServer()
const wss = new WebSocketServer({ server })

wss.on('connection', (socket, request) => {
  const name = request.url || '/'
  let room = rooms.get(name)
  if (room === undefined) rooms.set(name, (room = new Set()))
  room.add(socket)
  socket.on('message', (data, isBinary) => {
    for (const other of room) if (other !== socket) other.send(data, { binary: isBinary })
  })
  socket.on('close', () => {
    room.delete(socket)
    if (room.size === 0) rooms.delete(name)
  })
})
server.listen(0, '127.0.0.1', () => console.log(`LISTENING ${server.address().port}`))
