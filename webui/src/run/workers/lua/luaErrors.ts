/**
 * A Lua error as the `lua` command shows it: the message, then the traceback down to the
 * program's main chunk. What lies below it (the runner's xpcall and load) is ours, not theirs.
 */
export function trimLuaTraceback(error: string): string {
  const lines = error.split("\n");
  const mainChunk = lines.findIndex((line) => /^\tmain\.lua:\d+: in main chunk$/.test(line));
  if (mainChunk >= 0) return lines.slice(0, mainChunk + 1).join("\n");
  // An error raised outside the program's own lines: keep only what names main.lua.
  return lines.filter((line, index) => index === 0 || !line.startsWith("\t") || line.startsWith("\tmain.lua:")).join("\n");
}
