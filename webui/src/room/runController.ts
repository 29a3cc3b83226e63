/**
 * Run and Stop: runs the editor's code in this browser, shows it as it streams, and shares
 * the request (`execute-code`) and the result (`execution-result`) with the room.
 */

import type { ClientMessage, ServerMessageOf } from "../net/protocol";
import { Runners } from "../run/runners";
import { randomId } from "../util/ids";
import { OutputView } from "./outputView";
import { receiveOutput, shareOutput, shareStdin } from "./sharedOutput";

const RUNTIME_NAMES: Record<string, string> = {
  python: "Python",
  javascript: "JavaScript",
  typescript: "TypeScript",
  sql: "SQLite",
  lua: "Lua",
  ruby: "Ruby",
  postgres: "PostgreSQL",
  clang: "C/C++ compiler",
};

export interface RunContext {
  language(): string;
  languageName(id: string): string;
  code(): string;
  stdin(): string;
  me(): { userId: string; username: string; color: string };
  colorOf(userId: string): string;
  timeoutMs(): number;
  maxSharedOutputChars(): number;
  maxSharedStdinChars(): number;
  send(message: ClientMessage): boolean;
}

export class RunController {
  private readonly runners: Runners;
  private activeLanguage: string | null = null;

  /** `runners`: runtimes the room may have started loading already (room.ts). */
  constructor(
    private readonly context: RunContext,
    private readonly output: OutputView,
    private readonly controls: { run: HTMLButtonElement; stop: HTMLButtonElement; status: HTMLElement },
    runners: Runners = new Runners(),
  ) {
    this.runners = runners;
    this.runners.listen(
      (runtime, text) => this.showProgress(runtime, text),
      (runtime, ready) => {
        // Visible to tests and to the curious: Stop recovers at once when a spare is warm.
        controls.status.dataset[`${runtime}Spare`] = ready ? "ready" : "warming";
      },
    );
    controls.run.addEventListener("click", () => void this.run());
    controls.stop.addEventListener("click", () => this.stop());
    this.setRunning(false);
  }

  /** Load the runtime for a language in the background (Python takes a couple of seconds). */
  prepare(language: string): void {
    if (!Runners.runnable(language)) return;
    // The status line follows the selected language's runtime (TypeScript's is its checker).
    const runtime = Runners.runtimeOf(language);
    this.controls.status.dataset.runtime = runtime;
    const pool = this.runners.pool(language);
    pool.warm();
    if (pool.ready) this.showProgress(runtime, null); // warmed earlier: no event will come
  }

  async run(): Promise<void> {
    const language = this.context.language();
    if (this.activeLanguage !== null || !Runners.runnable(language)) return;
    const pool = this.runners.pool(language);
    const code = this.context.code();
    const runId = randomId("run-", 8);
    const me = this.context.me();
    const stdin = this.context.stdin();
    // What the others are shown: nothing for a language that never reads stdin (SQL).
    const sharedStdin = stdin && Runners.readsStdin(language) ? shareStdin(stdin, this.context.maxSharedStdinChars()) : undefined;
    this.context.send({ type: "execute-code", payload: { language, code, runId, stdin: sharedStdin } });
    const entry = this.output.start({
      runId,
      who: me.username,
      color: me.color,
      language: this.context.languageName(language),
      mine: true,
    });
    entry.showStdin(sharedStdin);
    this.activeLanguage = language;
    this.setRunning(true);
    const outcome = await pool.run(
      { type: "run", language, code, stdin },
      (stream, text) => entry.append(stream, text),
      this.context.timeoutMs(),
    );
    this.activeLanguage = null;
    this.setRunning(false);
    const shared = shareOutput(entry.output, outcome.truncated, this.context.maxSharedOutputChars());
    entry.cutTo(shared.kept); // what the others get, to the character
    entry.finish({ error: outcome.error, truncated: shared.truncated, durationMs: outcome.durationMs });

    this.context.send({
      type: "execution-result",
      payload: {
        output: shared.text,
        error: outcome.error,
        language,
        durationMs: Math.round(outcome.durationMs),
        runId,
        stdin: sharedStdin,
      },
    });
  }

  stop(): void {
    if (this.activeLanguage !== null) this.runners.pool(this.activeLanguage).stop();
  }

  remoteStarted(payload: ServerMessageOf<"execute-code">["payload"]): void {
    const entry = this.output.start({
      runId: payload.runId ?? randomId("remote-", 8),
      who: payload.username,
      color: this.context.colorOf(payload.userId),
      language: this.context.languageName(payload.language),
      mine: false,
    });
    entry.showStdin(payload.stdin);
    entry.setStatus("running in their browser…");
  }

  remoteResult(payload: ServerMessageOf<"execution-result">["payload"]): void {
    const runId = payload.runId ?? randomId("remote-", 8);
    const existing = this.output.get(runId);
    if (existing && existing.header.mine) return; // our own result, replayed on rejoin
    const entry =
      existing ??
      this.output.start({
        runId,
        who: payload.username,
        color: this.context.colorOf(payload.userId),
        language: payload.language ? this.context.languageName(payload.language) : "",
        mine: false,
      });
    if (existing && existing.element.dataset.finished) return;
    entry.showStdin(payload.stdin);
    const { output, truncated } = receiveOutput(payload.output, Boolean(payload.truncated));
    if (output) entry.append("stdout", output);
    entry.finish({ error: payload.error, truncated, durationMs: payload.durationMs });
    entry.element.dataset.finished = "true";
  }

  dispose(): void {
    this.runners.dispose();
  }

  private setRunning(running: boolean): void {
    this.controls.run.disabled = running;
    this.controls.stop.disabled = !running;
  }

  private showProgress(runtime: string, text: string | null): void {
    const status = this.controls.status;
    if (runtime !== (status.dataset.runtime ?? runtime)) return;
    status.dataset.state = text === null ? "ready" : "loading";
    status.textContent = text ?? `${RUNTIME_NAMES[runtime] ?? runtime} ready`;
  }
}
