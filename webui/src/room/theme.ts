/** Light and dark: follow the OS until the person picks one; remember the pick. */

const KEY = "pairpad.theme";
const darkQuery = () => window.matchMedia("(prefers-color-scheme: dark)");

function isDark(): boolean {
  const chosen = localStorage.getItem(KEY);
  return chosen ? chosen === "dark" : darkQuery().matches;
}

export function applyTheme(): boolean {
  const dark = isDark();
  document.documentElement.dataset.theme = dark ? "dark" : "light";
  return dark;
}

function toggleTheme(): boolean {
  localStorage.setItem(KEY, isDark() ? "light" : "dark");
  return applyTheme();
}

function onSystemThemeChange(callback: (dark: boolean) => void): void {
  darkQuery().addEventListener("change", () => {
    if (!localStorage.getItem(KEY)) callback(applyTheme());
  });
}

/** The top bar's button picks a theme for good; until then the OS's setting is followed. */
export function wireThemeToggle(button: HTMLElement, setDark: (dark: boolean) => void): void {
  button.addEventListener("click", () => setDark(toggleTheme()));
  onSystemThemeChange(setDark);
}
