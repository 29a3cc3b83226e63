// One load-generator process, driven by bench/run.py over stdin/stdout (JSON lines).
//
//   node loadgen.mjs '<json options>'
//
// mode "load": connect rooms × perRoom clients, print {"event":"ready"}, wait for "go" on
// stdin, let everyone type `rate` keystrokes/s for `duration` s, wait for deliveries to drain,
// write every latency (ms, float64) to `latencyFile`, print {"event":"done", ...counts}.
// mode "latejoin": build a document of `docBytes` in one room, then time `joins` fresh clients
// from opening a socket to holding the whole document.
import { writeFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { createInterface } from 'node:readline'
import * as Y from 'yjs'
import { CLIENTS, NEEDS_SESSION } from './clients.mjs'

const options = JSON.parse(process.argv[2])
const say = (event) => process.stdout.write(JSON.stringify(event) + '\n')

async function createRoom (index) {
  if (!NEEDS_SESSION.has(options.target)) return `room-${options.worker}-${index}`
  const response = await fetch(`${options.http}/api/sessions`, {
    method: 'POST',
    // Only the interviewer creates sessions: the host token the bench gave the server.
    headers: { 'content-type': 'application/json', authorization: `Bearer ${options.hostToken}` },
    body: JSON.stringify({ title: `bench ${index}` })
  })
  if (!response.ok) throw new Error(`POST /api/sessions: ${response.status} ${await response.text()}`)
  return (await response.json()).sessionId
}

/** Runs `task` over `items` with at most `limit` in flight (connection storms make SYN drops). */
async function inBatches (items, limit, task) {
  const results = []
  for (let start = 0; start < items.length; start += limit) {
    results.push(...await Promise.all(items.slice(start, start + limit).map(task)))
  }
  return results
}

function stdinLines () {
  const lines = createInterface({ input: process.stdin })
  return lines[Symbol.asyncIterator]()
}

async function load () {
  const Client = CLIENTS[options.target]
  const rooms = await inBatches([...Array(options.rooms).keys()], 50, createRoom)
  const clients = []
  const pending = new Map() // token → {sent, remaining}
  // Spec clients: `sender>receiver` → the sender's tokens that receiver has yet to see, in
  // send order. One queue per pair: receivers drift apart under load, and a queue shared by
  // the room would hand one receiver the token another one was owed.
  const unseen = new Map()
  const latencies = []
  const counts = { sent: 0, expected: 0, delivered: 0, duplicate: 0, echo: 0, unexpectedCloses: 0 }
  let measuring = false
  const closeReasons = new Map()

  const deliver = (token, receiver) => {
    const entry = pending.get(token)
    if (parseInt(token, 36) === receiver) { // tokens start with the sender's index
      counts.echo++ // y-websocket sends each update back to its author too
      return
    }
    if (entry === undefined || !entry.remaining.delete(receiver)) {
      counts.duplicate++
      return
    }
    counts.delivered++
    if (entry.measured) latencies.push(performance.now() - entry.sent)
    if (entry.remaining.size === 0) pending.delete(token)
  }

  rooms.forEach((room, roomIndex) => {
    const members = []
    for (let seat = 0; seat < options.perRoom; seat++) {
      const index = clients.length
      const userId = index.toString(36)
      const client = new Client({
        url: options.url,
        room,
        userId,
        onToken: (token) => deliver(token, index),
        onSender: (sender) => {
          const first = unseen.get(`${sender}>${index}`)?.shift()
          if (first !== undefined) deliver(first, index)
        },
        onClose: (code, reason) => {
          counts.unexpectedCloses++
          const key = `${code} ${reason}`
          closeReasons.set(key, (closeReasons.get(key) ?? 0) + 1)
        }
      })
      client.index = index
      client.userId = userId
      client.seq = 0
      client.members = members
      members.push(client)
      clients.push(client)
    }
  })

  const connectStarted = performance.now()
  await inBatches(clients, options.connectBatch ?? 100, (client) => client.connect())
  say({ event: 'ready', clients: clients.length, connectSeconds: (performance.now() - connectStarted) / 1000 })

  const input = stdinLines()
  await input.next() // "go"

  const period = 1000 / options.rate
  const startedAt = performance.now()
  const measureFrom = startedAt + options.warmup * 1000
  const stopAt = measureFrom + options.duration * 1000
  const cpuStart = process.cpuUsage()
  const eluStart = performance.eventLoopUtilization()
  measuring = true

  const keystroke = (client) => {
    const token = `${client.userId}.${(client.seq++).toString(36)}`
    const now = performance.now()
    const remaining = new Set(client.members.filter((m) => m !== client).map((m) => m.index))
    counts.sent++
    counts.expected += remaining.size
    if (client.members.length > 1) {
      pending.set(token, { sent: now, remaining, measured: now >= measureFrom })
      // Spec clients learn the sender, not the token: queue it for each receiver, in order.
      if (options.target === 'pairpad-text') {
        for (const receiver of remaining) {
          const key = `${client.userId}>${receiver}`
          let queue = unseen.get(key)
          if (queue === undefined) unseen.set(key, (queue = []))
          queue.push(token)
        }
      }
    }
    client.type(token)
  }

  await new Promise((resolve) => {
    let running = clients.length
    for (const client of clients) {
      // Each typist starts at a random phase, then keeps to its own clock.
      let due = startedAt + Math.random() * period
      const tick = () => {
        if (!measuring || performance.now() >= stopAt) {
          if (--running === 0) resolve()
          return
        }
        keystroke(client)
        due += period
        setTimeout(tick, Math.max(0, due - performance.now()))
      }
      setTimeout(tick, due - performance.now())
    }
  })
  const typingEnded = performance.now()
  // Let what is in flight arrive: wait up to `drain` seconds for the last deliveries.
  while (pending.size > 0 && performance.now() - typingEnded < options.drain * 1000) {
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  const cpu = process.cpuUsage(cpuStart)
  const elu = performance.eventLoopUtilization(eluStart)
  const wall = (performance.now() - startedAt) / 1000
  writeFileSync(options.latencyFile, Buffer.from(new Float64Array(latencies).buffer))
  say({
    event: 'done',
    ...counts,
    undelivered: [...pending.values()].reduce((sum, entry) => sum + entry.remaining.size, 0),
    measured: latencies.length,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    eventLoopUtilization: elu.utilization,
    wallSeconds: wall,
    closeReasons: Object.fromEntries(closeReasons)
  })
  for (const client of clients) client.close()
  process.exit(0)
}

/** A document of about `bytes` UTF-8 bytes, written by several authors in many edits. */
function buildDocument (bytes) {
  const doc = new Y.Doc()
  const text = doc.getText('code')
  const authors = [...Array(4)].map(() => new Y.Doc())
  const line = 'for item in items: total += weigh(item)  # keep a running total\n'
  let turn = 0
  while (text.length < bytes) {
    const author = authors[turn++ % authors.length]
    Y.applyUpdate(author, Y.encodeStateAsUpdate(doc))
    const theirs = author.getText('code')
    theirs.insert(Math.floor(Math.random() * (theirs.length + 1)), line)
    if (turn % 7 === 0 && theirs.length > 40) theirs.delete(Math.floor(Math.random() * (theirs.length - 20)), 10)
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(author))
  }
  return doc
}

async function lateJoin () {
  const Client = CLIENTS[options.target]
  const room = await createRoom(0)
  const noop = () => {}
  const clientOptions = (userId) => ({ url: options.url, room, userId, onToken: noop, onSender: noop, onClose: noop })
  const writer = new Client(clientOptions('writer'))
  await writer.connect()
  const source = buildDocument(options.docBytes)
  const expected = source.getText('code').toString()
  // The whole history arrives as one update (for spec clients: one full text), as when the
  // interviewer pastes a prepared file; what a joiner receives is the same either way.
  if (writer.doc) Y.applyUpdate(writer.doc, Y.encodeStateAsUpdate(source))
  else writer.socket.send(JSON.stringify({ type: 'code-change', payload: { userId: 'writer', changes: expected } }))

  // Wait until the server holds it: a first joiner sees the whole text.
  const timings = []
  let retries = 0
  for (let attempt = 0; attempt < options.joins + 1; attempt++) {
    const joiner = new Client(clientOptions(`joiner${attempt}`))
    joiner.applyUpdates = true
    const started = performance.now()
    await joiner.connect()
    const text = joiner.doc ? joiner.text.toString() : joiner.code
    const elapsed = performance.now() - started
    joiner.close()
    if (text !== expected) {
      if (attempt === 0 && ++retries < 200) { attempt--; continue } // not there yet: retry
      throw new Error(`joiner ${attempt} got ${text.length} chars, expected ${expected.length}`)
    }
    if (attempt > 0) timings.push(elapsed) // the first join only confirmed the document
  }
  writer.close()
  say({
    event: 'done',
    docBytes: Buffer.byteLength(expected),
    updateBytes: Y.encodeStateAsUpdate(source).length,
    joinMs: timings
  })
  process.exit(0)
}

process.on('unhandledRejection', (error) => {
  say({ event: 'error', message: String(error?.stack ?? error) })
  process.exit(1)
})
await (options.mode === 'latejoin' ? lateJoin() : load())
