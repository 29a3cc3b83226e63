/**
 * The interview room at /s/<sessionId>: finds the session, asks the name, builds the page and
 * connects. The parts live in room/; roomController.ts wires them to the server's messages.
 */

import * as Y from "yjs";

import { createEditor } from "../editor/editor";
import { RoomConnection } from "../net/connection";
import { socketUrl, type ClientMessage, type SetControls, type TimerControl } from "../net/protocol";
import { ChatView } from "../room/chatView";
import { ControlsController } from "../room/controlsController";
import { DoorBanner } from "../room/doorBanner";
import { HostPanel } from "../room/hostPanel";
import { IntegrityLog } from "../room/integrityLog";
import { IntegrityWatch } from "../room/integrityWatch";
import { EndControls } from "../room/endControls";
import { nameFromLink, rememberedName, rememberName, userId as browserUserId } from "../room/identity";
import { LanguagePicker } from "../room/languagePicker";
import { buildMissingSession, buildRoomLayout, collapseInviteOnceJoined } from "../room/layout";
import { NotesPane } from "../room/notesPane";
import { CoInterviewerLink } from "../room/coInterviewerLink";
import { PromptPane } from "../room/promptPane";
import { askName } from "../room/namePrompt";
import { DisconnectNotice } from "../room/disconnectNotice";
import { startEarly, type EarlyStart } from "../room/earlyStart";
import { codeFileName, downloadButton, downloadText } from "../room/download";
import { OutputView } from "../room/outputView";
import { makePanesResizable } from "../room/paneSizes";
import { PaneTabs } from "../room/paneTabs";
import { watchPageLifecycle } from "../room/pageLifecycle";
import { ParticipantsView } from "../room/participantsView";
import { Restrictions } from "../room/restrictions";
import { RoomController, type Me } from "../room/roomController";
import { RunController } from "../room/runController";
import {
  fetchIsHost,
  hostName,
  rememberSessionIdentity,
  sessionIdentity,
  takeInterviewerKey,
  type SessionIdentity,
} from "../room/seat";
import { fetchLanguages } from "../room/sessionApi";
import { DEFAULT_LIMITS } from "../room/serverDefaults";
import { SharePanel } from "../room/sharePanel";
import { fontSizeControl } from "../room/fontSize";
import { keymapControl } from "../room/keymapSetting";
import { ShortcutsHelp } from "../room/shortcutsHelp";
import { keepStdin } from "../room/stdinMemory";
import { applyTheme, wireThemeToggle } from "../room/theme";
import { TimerView } from "../room/timerView";
import { Toasts } from "../room/toasts";
import { WaitingListView } from "../room/waitingListView";
import type { Runners } from "../run/runners";
import { CrdtSync } from "../sync/crdtSync";

/** `early`: the session read and its runtime loading, started by main.ts (earlyStart.ts). */
export async function openRoom(root: HTMLElement, sessionId: string, early: EarlyStart = startEarly(sessionId)): Promise<void> {
  const dark = applyTheme();
  const interviewerKey = takeInterviewerKey(sessionId);
  const { runners } = early;
  const [info, isHost] = await Promise.all([early.session, fetchIsHost()]);
  if (info === null) {
    runners.dispose();
    root.replaceChildren(buildMissingSession());
    return;
  }
  const { title, language } = info;
  const username = nameFromLink() ?? (isHost ? hostName() : await askName(rememberedName()));
  if (!isHost) rememberName(username);
  const identity = sessionIdentity(sessionId, browserUserId());
  const me = { userId: identity.userId, username, color: "#888888" };
  startRoom(root, { sessionId, title, language, interviewerKey, secret: identity.secret, isHost, runners }, me, dark);
}

interface RoomEntry {
  sessionId: string;
  title: string;
  /** As the session was read over HTTP; language-updated confirms it on joining. */
  language: string | null;
  interviewerKey: string | null;
  secret: string | null;
  isHost: boolean;
  /** The runtimes, the session's own already loading. */
  runners: Runners;
}

function startRoom(root: HTMLElement, entry: RoomEntry, me: Me, dark: boolean): void {
  const { sessionId, title } = entry;
  // Several callbacks reach the controller, which is built last: none of them runs before
  // connection.start() or the person's first click.
  const { toasts, output, share, prompt } = createViews(sessionId);
  const participants = new ParticipantsView((userId) => seat.remove(userId));
  const seatViews = createSeatViews(
    () => seat,
    (message) => connection.send(message),
  );
  const chat = new ChatView(
    (text) => controller.sendChat(text),
    (id) => participants.get(id)?.color,
  );
  const ending = new EndControls(() => controller.endInterview());
  const paneTabs = new PaneTabs();
  // Reads the editor's text as it is now: the page's copy, whether or not the server is there.
  const saveCode = () => downloadText(ytext.toString(), codeFileName(title, languages.extensionOf(languages.current)));
  const notice = new DisconnectNotice(saveCode);
  const help = new ShortcutsHelp(fontSizeControl(() => editor.view.requestMeasure()));
  const layout = buildRoomLayout(title, {
    paneTabs,
    download: downloadButton(saveCode),
    help: help.button,
    disconnectNotice: notice.element,
    outputTools: output.clearButton,
    endButton: ending.button,
    endedBanner: ending.banner,
    share: share.element,
    participants: participants.element,
    output: output.element,
    chat: chat.element,
    toasts: toasts.element,
    hostPanel: seatViews.hostPanel.element,
    timer: seatViews.timer.element,
    controlsNotice: seatViews.restrictions.notice,
    door: seatViews.door.element,
    integrityDisclosure: seatViews.integrity.disclosure,
    prompt: prompt.element,
  });
  root.replaceChildren(layout.element);
  collapseInviteOnceJoined(layout.element, participants.element);
  makePanesResizable(layout.element);
  keepStdin(layout.stdin, sessionId);
  share.onOrigin = (origin) => seatViews.coInterviewer.setOrigin(origin);
  void share.load();
  if (entry.isHost) void seatViews.coInterviewer.load(sessionId);

  const doc = new Y.Doc();
  const ytext = doc.getText("code");
  const connection = new RoomConnection({
    url: socketUrl(location, sessionId, entry.interviewerKey),
    onOpen: () => controller.onOpen(),
    onMessage: (message) => controller.onMessage(message),
    onStatus: (status, detail, retryInMs) => {
      notice.show(status, detail);
      controller.onStatus(status, detail, retryInMs);
    },
  });
  const sync = new CrdtSync(doc, {
    send: (update) => connection.send({ type: "code-change", payload: { userId: me.userId, update } }),
  });
  const languages = new LanguagePicker(layout.languageSelect, (language) => controller.requestLanguage(language));
  if (entry.language) languages.show(entry.language); // not the default's runtime for a JavaScript room
  const editor = createEditor({
    parent: layout.editorHost,
    ytext,
    language: languages.current,
    dark,
    onRun: () => {
      paneTabs.revealOnNarrow("output");
      controller.run();
    },
    onCursor: (cursor) => controller.sendCursor(cursor),
  });
  help.addSetting(keymapControl((name) => editor.setKeymap(name)));
  const restrictTargets = {
    run: layout.runButton,
    languageSelect: layout.languageSelect,
    setReadOnly: (readOnly: boolean) => editor.setReadOnly(readOnly),
  };
  ending.attach(restrictTargets);
  seatViews.restrictions.attach(restrictTargets);
  const seat: ControlsController = new ControlsController({
    send: (message) => connection.send(message),
    ...seatViews,
    participants,
    toasts,
    nameOf: (userId) => participants.get(userId)?.username,
    isMe: (userId) => userId === me.userId,
  });
  seatViews.integrity.watch();
  const controller = new RoomController({
    me,
    secret: entry.secret,
    rememberIdentity: (userId, secret) => rememberSessionIdentity(sessionId, { userId, secret } satisfies SessionIdentity),
    ending,
    controls: seat,
    ytext,
    connection,
    sync,
    editor,
    participants,
    chat,
    toasts,
    languages,
    connectionStatus: layout.connectionStatus,
    stdin: () => layout.stdin.value,
    prompt,
    createRuns: (context) =>
      new RunController(
        context,
        output,
        { run: layout.runButton, stop: layout.stopButton, status: layout.runtimeStatus },
        entry.runners,
      ),
  });
  followPanes(paneTabs, layout.runButton, { output: output.element, chat: chat.element });
  void fetchLanguages().then((list) => list && languages.setLanguages(list));
  wireThemeToggle(layout.themeButton, (isDark) => editor.setDark(isDark));
  watchPageLifecycle({
    offline: () => connection.goOffline(),
    online: () => connection.goOnline(),
    visible: () => connection.nudge(),
    leaving: () => controller.leave(),
  });
  connection.start();
  exposeForTests(ytext, layout.connectionStatus, me, controller, seatViews.timer);
  editor.view.focus();
}

/** On a phone: Run shows the output; news in a hidden pane marks its tab. */
function followPanes(tabs: PaneTabs, run: HTMLButtonElement, panes: { output: HTMLElement; chat: HTMLElement }): void {
  run.addEventListener("click", () => tabs.revealOnNarrow("output"));
  for (const [pane, element] of [["output", panes.output], ["chat", panes.chat]] as const) {
    new MutationObserver(() => tabs.markUnread(pane)).observe(element, { childList: true, subtree: true });
  }
}

function createViews(sessionId: string) {
  return {
    toasts: new Toasts(),
    output: new OutputView(),
    share: new SharePanel(`/s/${sessionId}`),
    prompt: new PromptPane(),
  };
}

/** The views of the interviewer's controls; their callbacks reach the controller, built later. */
function createSeatViews(seat: () => ControlsController, send: (message: ClientMessage) => boolean) {
  const notes = new NotesPane((update) => send({ type: "notes-change", payload: { update } }));
  const waitingList = new WaitingListView((waitingId, admit) => seat().decide(waitingId, admit));
  const integrityLog = new IntegrityLog();
  const coInterviewer = new CoInterviewerLink();
  const hostActions = {
    setControls: (change: SetControls) => seat().setControls(change),
    controlTimer: (control: TimerControl) => seat().controlTimer(control),
  };
  return {
    hostPanel: new HostPanel(hostActions, {
      waiting: waitingList.element,
      integrityLog: integrityLog.element,
      notes: notes.element,
      coInterviewer: coInterviewer.element,
    }),
    coInterviewer,
    notes,
    waitingList,
    integrityLog,
    integrity: new IntegrityWatch((signal) => seat().report(signal), DEFAULT_LIMITS),
    timer: new TimerView(),
    door: new DoorBanner(),
    restrictions: new Restrictions(),
  };
}

/** A small handle for tests and the curious: read-only views of the state. */
function exposeForTests(
  ytext: Y.Text,
  connectionStatus: HTMLElement,
  me: Me,
  controller: RoomController,
  timer: TimerView,
): void {
  (window as unknown as { pairpad: object }).pairpad = {
    text: () => ytext.toString(),
    timerMs: () => timer.shownMs(),
    status: () => connectionStatus.dataset.status,
    // Getters: the server may give this page another userId when it joins.
    get userId() {
      return me.userId;
    },
    get role() {
      return controller.role;
    },
  };
}
