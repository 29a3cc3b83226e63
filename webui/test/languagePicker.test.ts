import { describe, expect, it } from "vitest";

import { LanguagePicker } from "../src/room/languagePicker";
import { DEFAULT_LANGUAGES } from "../src/room/serverDefaults";

function picker() {
  const select = document.createElement("select");
  const chosen: string[] = [];
  const languages = new LanguagePicker(select, (language) => chosen.push(language));
  const options = () => [...select.options].map((option) => [option.value, option.textContent]);
  const choose = (language: string) => {
    select.value = language;
    select.dispatchEvent(new Event("change"));
  };
  return { select, languages, chosen, options, choose };
}

describe("LanguagePicker", () => {
  it("starts with the built-in list and Python", () => {
    const p = picker();
    expect(p.options()).toEqual(DEFAULT_LANGUAGES.map((info) => [info.id, info.name]));
    expect(p.select.value).toBe("python");
    expect(p.languages.current).toBe("python");
  });

  it("a pick is reported but not shown: the select stays on the session's language", () => {
    const p = picker();
    p.choose("sql");
    expect(p.chosen).toEqual(["sql"]);
    expect(p.select.value).toBe("python");
    expect(p.languages.current).toBe("python");
  });

  it("show() moves the select when the server confirms", () => {
    const p = picker();
    p.choose("javascript");
    p.languages.show("javascript");
    expect(p.select.value).toBe("javascript");
    expect(p.languages.current).toBe("javascript");
  });

  it("the server's list replaces the built-in one and keeps the shown language selected", () => {
    const p = picker();
    p.languages.show("sql");
    p.languages.setLanguages([
      { id: "python", name: "Python 3", fileExtension: "py" },
      { id: "sql", name: "SQLite", fileExtension: "sql" },
    ]);
    expect(p.options()).toEqual([
      ["python", "Python 3"],
      ["sql", "SQLite"],
    ]);
    expect(p.select.value).toBe("sql");
    expect(p.languages.nameOf("python")).toBe("Python 3");
  });

  it("an empty list from the server is ignored", () => {
    const p = picker();
    p.languages.setLanguages([]);
    expect(p.options()).toHaveLength(DEFAULT_LANGUAGES.length);
  });

  it("nameOf gives the display name, or the id for an unknown language", () => {
    const { languages } = picker();
    expect(languages.nameOf("sql")).toBe("SQL (SQLite)");
    expect(languages.nameOf("cobol")).toBe("cobol");
  });

  it("names from the server are set as text, never parsed", () => {
    const p = picker();
    p.languages.setLanguages([{ id: "x", name: "<b>bold</b>", fileExtension: "x" }]);
    expect(p.select.options[0].textContent).toBe("<b>bold</b>");
    expect(p.select.querySelector("b")).toBeNull();
  });
});
