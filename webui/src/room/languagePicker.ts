/**
 * The language drop-down. It shows the session's language, not the person's last pick: a
 * pick is only a request (language-change), and the select moves when the server confirms
 * it for everyone (language-updated).
 */

import { h } from "../util/dom";
import { DEFAULT_LANGUAGE, DEFAULT_LANGUAGES, type LanguageInfo } from "./serverDefaults";

export class LanguagePicker {
  private languages: readonly LanguageInfo[] = DEFAULT_LANGUAGES;
  private shown = DEFAULT_LANGUAGE;

  constructor(
    private readonly select: HTMLSelectElement,
    onChoose: (language: string) => void,
  ) {
    select.addEventListener("change", () => {
      const chosen = select.value;
      select.value = this.shown; // until the server confirms it
      onChoose(chosen);
    });
    this.render();
  }

  /** The session's language, as the server last confirmed it. */
  get current(): string {
    return this.shown;
  }

  show(language: string): void {
    this.shown = language;
    this.select.value = language;
  }

  /** The server's list (GET /api/languages) replaces the built-in one. */
  setLanguages(languages: readonly LanguageInfo[]): void {
    if (languages.length === 0) return;
    this.languages = languages;
    this.render();
  }

  /** The file extension of a language (".py"), for downloads; "txt" when unknown. */
  extensionOf(language: string): string {
    return this.languages.find((info) => info.id === language)?.fileExtension ?? "txt";
  }

  nameOf(language: string): string {
    return this.languages.find((info) => info.id === language)?.name ?? language;
  }

  private render(): void {
    this.select.replaceChildren(...this.languages.map((info) => h("option", { value: info.id, text: info.name })));
    this.select.value = this.shown;
  }
}
