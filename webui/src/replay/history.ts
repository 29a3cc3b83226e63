/**
 * A session's recorded history (GET /api/sessions/{id}/history) made into what the replay
 * shows: the code updates in order, one track per participant, the markers on those tracks
 * (runs, chat, joins, language changes, pastes, focus, restores...), and the instants that
 * bound it. Events come from the record as it is on disk: any field may be missing (an
 * imported archive, an older PairPad), so nothing here assumes one.
 */

import { safeColor } from "../editor/remoteCursors";
import type { RecordedUpdate } from "./documentTimeline";

export interface HistoryEvent {
  t: number;
  type: string;
  [field: string]: unknown;
}

export interface Track {
  id: string;
  name: string;
  color: string;
}

export interface Marker {
  t: number;
  type: string;
  trackId: string;
  label: string;
}

export interface ReplayModel {
  title: string;
  start: number;
  end: number;
  ended: boolean;
  updates: RecordedUpdate[];
  /** `updates[i].t`, for the binary search of an instant. */
  updateTimes: Float64Array;
  tracks: Track[];
  markers: Marker[];
  /** Every event's instant, sorted: playback skips the idle stretches between them. */
  activity: Float64Array;
  languages: { t: number; language: string }[];
}

/** The track of the server's own edits and of what the host did over HTTP. */
export const SESSION_TRACK = "server";
const FALLBACK_COLORS = ["#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#0ea5a4"];

const text = (value: unknown): string => (typeof value === "string" ? value : "");
const number = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);

export function buildModel(events: readonly HistoryEvent[]): ReplayModel {
  const people = new People();
  const updates: RecordedUpdate[] = [];
  const marked: HistoryEvent[] = [];
  const languages: { t: number; language: string }[] = [];
  let title = "";
  let ended = false;
  for (const event of events) {
    const userId = text(event.userId) || SESSION_TRACK;
    if (event.type === "join") people.join(userId, text(event.username), text(event.color));
    if (event.type === "code" && typeof event.update === "string") {
      people.touch(userId);
      updates.push({ t: event.t, userId, update: event.update });
      continue;
    }
    if (event.type === "session-created") title = text(event.title);
    if (event.type === "session-created" || event.type === "language") {
      const language = text(event.language);
      if (language) languages.push({ t: event.t, language });
    }
    if (event.type === "session-ended") ended = true;
    if (event.type === "session-created") continue;
    people.touch(userId);
    marked.push(event);
  }
  const start = events.length ? events[0].t : Date.now();
  // Labels once everyone is known: a join names the people of earlier events too.
  const markers = marked.map((event) => {
    const trackId = text(event.userId) || SESSION_TRACK;
    return { t: event.t, type: event.type, trackId, label: describe(event, trackId, people, start) };
  });
  const times = events.map((event) => event.t);
  return {
    title,
    start,
    end: Math.max(start, times.length ? times[times.length - 1] : start),
    ended,
    updates,
    updateTimes: Float64Array.from(updates, (update) => update.t),
    tracks: people.tracks(),
    markers,
    activity: Float64Array.from(times),
    languages,
  };
}

class People {
  private readonly known = new Map<string, Track>();

  join(id: string, name: string, color: string): void {
    const track = this.touch(id);
    if (name) track.name = name;
    if (color) track.color = safeColor(color);
  }

  touch(id: string): Track {
    let track = this.known.get(id);
    if (!track) {
      const color = FALLBACK_COLORS[this.known.size % FALLBACK_COLORS.length];
      track = { id, name: id === SESSION_TRACK ? "PairPad" : id, color };
      this.known.set(id, track);
    }
    return track;
  }

  name(id: string): string {
    return this.known.get(id)?.name ?? id;
  }

  /** Participants first, in the order they appeared; the session's own track last. */
  tracks(): Track[] {
    const all = [...this.known.values()];
    return [...all.filter((t) => t.id !== SESSION_TRACK), ...all.filter((t) => t.id === SESSION_TRACK)];
  }
}

function describe(event: HistoryEvent, trackId: string, people: People, start: number): string {
  const who = text(event.username) || people.name(trackId);
  switch (event.type) {
    case "join":
      return `${who} joined`;
    case "leave":
      return `${who} left`;
    case "rename":
      return `${text(event.from)} is now ${text(event.to)}`;
    case "language":
      return `${who} switched to ${text(event.language)}`;
    case "run-started":
      return `${who} ran the code (${text(event.language)})`;
    case "run-finished":
      return `${who}'s run ${event.error ? "failed" : "finished"}`;
    case "chat":
      return `${who}: ${text(event.text)}`;
    case "paste":
      return `${who} pasted ${number(event.chars) ?? "?"} characters`;
    case "focus":
      return `${who} left the page for ${Math.round((number(event.awayMs) ?? 0) / 1000)} s`;
    case "restore":
      return `${event.by === "host" ? "The host" : who} restored the code to ${clock(number(event.at) ?? event.t, start)}`;
    case "session-ended":
      return "The interview ended";
    default:
      return event.type;
  }
}

/** The number of updates made at or before `instant`. */
export function updatesUpTo(model: ReplayModel, instant: number): number {
  const times = model.updateTimes;
  let low = 0;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (times[middle] <= instant) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The session's language at `instant` (its first one before any change). */
export function languageAt(model: ReplayModel, instant: number, fallback: string): string {
  let language = model.languages[0]?.language ?? fallback;
  for (const change of model.languages) {
    if (change.t > instant) break;
    language = change.language;
  }
  return language;
}

/** `instant` as time into the interview: "4:05", "1:02:09". */
export function clock(instant: number, start: number): string {
  const seconds = Math.max(0, Math.floor((instant - start) / 1000));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = String(seconds % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${rest}` : `${minutes}:${rest}`;
}
