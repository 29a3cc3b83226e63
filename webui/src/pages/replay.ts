/**
 * A recorded interview at /replay/<sessionId>, for the host: the code read-only at any
 * instant, with each author's caret where they were editing; a timeline with one track per
 * participant; play at 1×–32×, skipping idle stretches; drag to any instant; Run the code as
 * it was then; and, while the interview is live, restore its code to that instant.
 *
 * The history is fetched once (host-only: GET /api/sessions/{id}/history); the code at an
 * instant comes from checkpoints kept in this page (replay/documentTimeline.ts), never from
 * the server, so seeking costs milliseconds. `?at=<ms>` opens at an instant, `?play` plays
 * from the start; otherwise the page opens on the final code.
 */

import "../replay/replay.css";

import { RecordApi, RecordError } from "../record/recordApi";
import { DocumentTimeline } from "../replay/documentTimeline";
import { EventList } from "../replay/eventList";
import { buildModel, clock, languageAt, updatesUpTo, type ReplayModel } from "../replay/history";
import { Playback, SPEEDS } from "../replay/playback";
import { ReplayEditor } from "../replay/replayEditor";
import { RerunPanel } from "../replay/rerunPanel";
import { RestoreControl } from "../replay/restoreControl";
import { TimelineView } from "../replay/timelineView";
import { DEFAULT_LANGUAGE } from "../room/serverDefaults";
import { applyTheme, wireThemeToggle } from "../room/theme";
import { h } from "../util/dom";

export async function openReplay(root: HTMLElement, sessionId: string, api = new RecordApi()): Promise<void> {
  const dark = applyTheme();
  const status = h("p", { class: "replay-loading", "data-testid": "replay-status", role: "status", text: "Loading the interview…" });
  root.replaceChildren(h("div", { class: "missing" }, h("h1", { text: "Replay" }), status));
  let model: ReplayModel;
  try {
    model = buildModel(await api.history(sessionId));
  } catch (error) {
    status.textContent = refusal(error);
    status.append(" ", h("a", { href: "/", text: "PairPad's home page" }));
    return;
  }
  const timeline = new DocumentTimeline(model.updates);
  await timeline.prepare((done) => (status.textContent = `Preparing the replay… ${Math.round(done * 100)} %`));
  startReplay(root, { sessionId, model, timeline, api, dark });
}

function refusal(error: unknown): string {
  if (error instanceof RecordError && error.status === 401) {
    return "Only the interviewer can replay interviews: open the host link PairPad printed at start-up.";
  }
  if (error instanceof RecordError && error.status === 404) return "This interview is not in the record (deleted, or never here).";
  return `Could not load the interview: ${error instanceof Error ? error.message : String(error)}.`;
}

interface Replay {
  sessionId: string;
  model: ReplayModel;
  timeline: DocumentTimeline;
  api: RecordApi;
  dark: boolean;
}

function startReplay(root: HTMLElement, replay: Replay): void {
  const { model, timeline } = replay;
  const editorHost = h("div", { class: "editor replay-editor", "data-testid": "replay-editor" });
  const controls = new PlayerControls();
  let playback: Playback;
  const seek = (instant: number) => playback.seek(instant);
  const timelineView = new TimelineView(model, seek, () => playback.pause());
  const events = new EventList(model, seek);
  const editor = new ReplayEditor(editorHost, replay.dark);
  const names = new Map(model.tracks.map((track) => [track.id, track]));
  const show = (instant: number, playing: boolean) => {
    timeline.seek(updatesUpTo(model, instant));
    editor.setLanguage(languageAt(model, instant, DEFAULT_LANGUAGE));
    const carets = timeline.carets().map((caret) => {
      const track = names.get(caret.userId);
      return { ...caret, name: track?.name ?? caret.userId, color: track?.color ?? "#888888" };
    });
    editor.show(timeline.text(), carets);
    timelineView.setInstant(instant);
    events.setInstant(instant);
    controls.show(instant, model, playing);
  };
  playback = new Playback(model.start, model.end, model.activity, show);
  controls.wire(playback);
  const side = buildSide(replay, playback, editor);
  root.replaceChildren(buildLayout(replay, controls, editorHost, side, events, timelineView, editor));
  playback.seek(initialInstant(model));
  if (new URLSearchParams(location.search).has("play")) playback.play();
  exposeForTests(playback, editor, model);
}

function initialInstant(model: ReplayModel): number {
  const at = Number(new URLSearchParams(location.search).get("at"));
  return Number.isFinite(at) && at > 0 ? at : model.end;
}

function buildSide(replay: Replay, playback: Playback, editor: ReplayEditor): HTMLElement[] {
  const { model } = replay;
  const rerun = new RerunPanel({ code: () => editor.text(), language: () => languageAt(model, playback.instant, DEFAULT_LANGUAGE) });
  const panels = [rerun.element];
  if (!model.ended) {
    const restore = new RestoreControl({
      instant: () => ({ at: Math.floor(playback.instant), shown: clock(playback.instant, model.start) }),
      restore: (at) => replay.api.restore(replay.sessionId, at),
    });
    panels.push(restore.element);
  }
  return panels;
}

function buildLayout(
  replay: Replay,
  controls: PlayerControls,
  editorHost: HTMLElement,
  side: HTMLElement[],
  events: EventList,
  timeline: TimelineView,
  editor: ReplayEditor,
): HTMLElement {
  const theme = h("button", { type: "button", class: "theme-toggle", title: "Light or dark", "aria-label": "Switch between light and dark", text: "◐" });
  wireThemeToggle(theme, (dark) => editor.setDark(dark));
  const title = replay.model.title || "Untitled interview";
  document.title = `Replay: ${title} · PairPad`;
  const state = replay.model.ended ? "ended" : "live";
  return h(
    "div",
    { class: "replay", "data-testid": "replay" },
    h(
      "header",
      { class: "topbar" },
      h("a", { class: "brand", href: "/", text: "PairPad" }),
      h("span", { class: "session-title", text: title, title }),
      h("span", { class: `replay-badge ${state}`, text: replay.model.ended ? "Replay" : "Replay · live interview" }),
      h("span", { class: "spacer" }),
      controls.clockLabel,
      theme,
    ),
    h("main", { class: "replay-main" }, editorHost, h("aside", { class: "side replay-side" }, ...side, events.element)),
    h("footer", { class: "replay-controls" }, controls.element, timeline.element),
  );
}

/** Play/Pause, the speed, "skip idle stretches", and the clock. */
class PlayerControls {
  readonly playButton = h("button", { type: "button", class: "primary", "data-testid": "replay-play", text: "▶ Play" });
  readonly speed = h("select", { "data-testid": "replay-speed", "aria-label": "Speed" }, ...SPEEDS.map((speed) => h("option", { value: speed, text: `${speed}×` })));
  readonly skipIdle = h("input", { type: "checkbox", "data-testid": "replay-skip-idle", checked: true });
  readonly clockLabel = h("span", { class: "replay-clock", "data-testid": "replay-clock" });
  readonly element = h(
    "div",
    { class: "player" },
    this.playButton,
    this.speed,
    h("label", { class: "toggle" }, this.skipIdle, "Skip idle stretches"),
  );

  wire(playback: Playback): void {
    this.playButton.addEventListener("click", () => (playback.playing ? playback.pause() : playback.play()));
    this.speed.addEventListener("change", () => (playback.speed = Number(this.speed.value)));
    this.skipIdle.addEventListener("change", () => (playback.skipIdle = this.skipIdle.checked));
  }

  show(instant: number, model: ReplayModel, playing: boolean): void {
    this.playButton.textContent = playing ? "❚❚ Pause" : "▶ Play";
    this.playButton.dataset.playing = String(playing);
    this.clockLabel.textContent = `${clock(instant, model.start)} / ${clock(model.end, model.start)}`;
    this.clockLabel.dataset.instant = String(Math.floor(instant));
  }
}

/** For tests and the benchmark: read the state, and seek as the slider does. */
function exposeForTests(playback: Playback, editor: ReplayEditor, model: ReplayModel): void {
  (window as unknown as { pairpadReplay: object }).pairpadReplay = {
    start: model.start,
    end: model.end,
    text: () => editor.text(),
    instant: () => playback.instant,
    playing: () => playback.playing,
  };
}
