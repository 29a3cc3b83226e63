// One simulated participant per target protocol. Every client keeps a real Y.Doc (or, for
// PairPad's plain spec clients, the full text) and sends what a real client would send for a
// keystroke; what arrives is only scanned for the senders' tokens, not applied, so that the
// load generator's CPU goes into sending and receiving, not into merging documents.
import WebSocket from 'ws'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import * as sync from 'y-protocols/sync'

// A keystroke inserts `§<token>|`; '§' is two bytes in UTF-8 that no Yjs header produces in
// this order often enough to matter, and a false match is ignored (no such token is pending).
const MARK = Buffer.from('§')
const BAR = 0x7c
const MAX_TOKEN = 24

/** Calls onToken for every `§token|` in the bytes. */
export function scanTokens (bytes, onToken) {
  let at = bytes.indexOf(MARK)
  while (at !== -1) {
    const start = at + MARK.length
    const end = bytes.indexOf(BAR, start)
    if (end !== -1 && end - start <= MAX_TOKEN) onToken(bytes.toString('latin1', start, end))
    at = bytes.indexOf(MARK, start)
  }
}

export const tokenText = (token) => `§${token}|`

const MESSAGE_SYNC = 0
const MESSAGE_AUTH = 2

class BaseClient {
  /**
   * @param {{url: string, room: string, userId: string, onToken: (token: string) => void,
   *   onSender: (userId: string) => void, onClose: (code: number, reason: string) => void}} options
   */
  constructor (options) {
    this.options = options
    this.socket = null
    this.ready = false
  }

  /** Resolves once the client is in the room and synced; rejects if that fails. */
  connect () {
    return new Promise((resolve, reject) => {
      // Clients offer permessage-deflate, as browsers do; each server decides.
      const socket = new WebSocket(this.url())
      socket.binaryType = 'nodebuffer'
      this.socket = socket
      this.resolveReady = resolve
      socket.on('open', () => this.opened())
      socket.on('message', (data, isBinary) => this.received(data, isBinary))
      socket.on('error', (error) => { if (!this.ready) reject(error) })
      socket.on('close', (code, reason) => {
        if (!this.ready) reject(new Error(`closed before ready: ${code} ${reason}`))
        else this.options.onClose(code, reason.toString())
      })
    })
  }

  markReady () {
    if (!this.ready) {
      this.ready = true
      this.resolveReady()
    }
  }

  close () {
    this.ready = false
    this.options.onClose = () => {}
    this.socket?.close(1000)
  }
}

/** A Yjs client: each keystroke is a transaction on its own Y.Doc, sent as an update. */
class YjsClient extends BaseClient {
  constructor (options) {
    super(options)
    this.doc = new Y.Doc()
    this.text = this.doc.getText('code')
    this.doc.on('update', (update, origin) => {
      if (origin !== 'remote' && this.ready) this.sendUpdate(update)
    })
  }

  type (token) {
    this.text.insert(this.text.length, tokenText(token))
  }

  /** For the late joiner: apply what arrives, as a real client does. */
  apply (update) {
    Y.applyUpdate(this.doc, update, 'remote')
  }
}

/** y-websocket's protocol: [messageSync, step/update, payload] on a per-room path. */
export class YWebsocketClient extends YjsClient {
  url () { return `${this.options.url}/${this.options.room}` }

  prefix (encoder) {}

  opened () {
    const encoder = encoding.createEncoder()
    this.prefix(encoder)
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    sync.writeSyncStep1(encoder, this.doc)
    this.socket.send(encoding.toUint8Array(encoder))
  }

  sendUpdate (update) {
    const encoder = encoding.createEncoder()
    this.prefix(encoder)
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    sync.writeUpdate(encoder, update)
    this.socket.send(encoding.toUint8Array(encoder))
  }

  received (data) {
    if (this.ready && !this.applyUpdates) {
      scanTokens(data, this.options.onToken)
      return
    }
    const decoder = decoding.createDecoder(data)
    this.skipPrefix(decoder)
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return
    const step = decoding.readVarUint(decoder)
    if (step === sync.messageYjsSyncStep1) {
      // The server asks for what we have: answer, as y-protocols' readSyncMessage does.
      const encoder = encoding.createEncoder()
      this.prefix(encoder)
      encoding.writeVarUint(encoder, MESSAGE_SYNC)
      sync.writeSyncStep2(encoder, this.doc, decoding.readVarUint8Array(decoder))
      this.socket.send(encoding.toUint8Array(encoder))
    } else {
      this.apply(decoding.readVarUint8Array(decoder))
      if (step === sync.messageYjsSyncStep2) this.markReady()
      if (this.ready) scanTokens(data, this.options.onToken)
    }
  }

  skipPrefix (decoder) {}
}

/** Hocuspocus: every message starts with the document name; the first one authenticates. */
export class HocuspocusClient extends YWebsocketClient {
  url () { return this.options.url }

  prefix (encoder) { encoding.writeVarString(encoder, this.options.room) }

  skipPrefix (decoder) { decoding.readVarString(decoder) }

  opened () {
    const encoder = encoding.createEncoder()
    this.prefix(encoder)
    encoding.writeVarUint(encoder, MESSAGE_AUTH)
    encoding.writeVarUint(encoder, 0) // AuthMessageType.Token
    encoding.writeVarString(encoder, '')
    this.socket.send(encoding.toUint8Array(encoder))
    super.opened()
  }

  received (data) {
    if (this.ready && !this.applyUpdates) {
      scanTokens(data, this.options.onToken)
      return
    }
    const decoder = decoding.createDecoder(data)
    decoding.readVarString(decoder)
    if (decoding.readVarUint(decoder) === MESSAGE_SYNC) super.received(data)
  }
}

/** The bare relay: raw Yjs updates, nothing to sync (it keeps no document). */
export class RelayClient extends YjsClient {
  url () { return `${this.options.url}/${this.options.room}` }
  opened () { this.markReady() }
  sendUpdate (update) { this.socket.send(update) }
  received (data) { scanTokens(data, this.options.onToken) }
}

/** PairPad's envelope, as the web UI speaks it: Yjs updates in base64 (CRDT extension). */
export class PairPadCrdtClient extends YjsClient {
  url () { return `${this.options.url}/ws/${this.options.room}` }

  joinPayload () {
    return { userId: this.options.userId, username: this.options.userId, crdt: 'yjs' }
  }

  opened () {
    this.socket.send(JSON.stringify({ type: 'join-session', payload: this.joinPayload() }))
  }

  sendUpdate (update) {
    const payload = { userId: this.options.userId, update: Buffer.from(update).toString('base64') }
    this.socket.send(JSON.stringify({ type: 'code-change', payload }))
  }

  received (data) {
    const message = JSON.parse(data.toString())
    if (message.type !== 'code-update') return
    const update = Buffer.from(message.payload.update, 'base64')
    if (!this.ready) {
      this.apply(update)
      if (message.payload.sync) this.markReady()
      return
    }
    if (this.applyUpdates) this.apply(update)
    scanTokens(update, this.options.onToken)
  }
}

/** PairPad through the spec alone: every keystroke sends the whole text (`changes`). */
export class PairPadTextClient extends BaseClient {
  constructor (options) {
    super(options)
    this.code = ''
  }

  url () { return `${this.options.url}/ws/${this.options.room}` }

  opened () {
    const payload = { userId: this.options.userId, username: this.options.userId }
    this.socket.send(JSON.stringify({ type: 'join-session', payload }))
  }

  type (token) {
    this.code += tokenText(token)
    this.socket.send(JSON.stringify({
      type: 'code-change', payload: { userId: this.options.userId, changes: this.code }
    }))
  }

  received (data) {
    const message = JSON.parse(data.toString())
    if (message.type !== 'code-update') return
    // A spec client shows what it is sent: the next keystroke edits that text.
    this.code = message.payload.code
    if (!this.ready) {
      this.markReady()
      return
    }
    // The full text carries every earlier token too, so match by sender, in order.
    this.options.onSender(message.payload.userId)
  }
}

export const CLIENTS = {
  'y-websocket': YWebsocketClient,
  hocuspocus: HocuspocusClient,
  'relay-node': RelayClient,
  'relay-python': RelayClient,
  'pairpad-crdt': PairPadCrdtClient,
  'pairpad-text': PairPadTextClient
}

/** Targets whose rooms must be created over HTTP first (PairPad's POST /api/sessions). */
export const NEEDS_SESSION = new Set(['pairpad-crdt', 'pairpad-text'])
