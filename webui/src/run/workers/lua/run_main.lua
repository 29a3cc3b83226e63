-- Runs a participant's program as `lua main.lua` would. Output goes to the page through
-- functions the worker hands in: the C library's stdout would hold back a last line that has
-- no "\n" until the program exits, which a worker that is terminated never does. Errors come
-- back with the traceback the `lua` command prints, cut below the program's main chunk.
local source, emit_stdout, emit_stderr = __pairpad_source, __pairpad_stdout, __pairpad_stderr
__pairpad_source, __pairpad_stdout, __pairpad_stderr = nil, nil, nil

-- io.write prints numbers as C's printf would (integers as %d, floats as %.14g).
local function write_values(emit, ...)
  for index = 1, select("#", ...) do
    local value = select(index, ...)
    local kind = type(value)
    if kind == "number" then
      value = math.type(value) == "integer" and string.format("%d", value) or string.format("%.14g", value)
    elseif kind ~= "string" then
      error(string.format("bad argument #%d to 'write' (string expected, got %s)", index, kind), 3)
    end
    emit(value)
  end
end

local function standard_file(name, emit)
  local methods = {}
  local file = setmetatable({}, {
    __name = "FILE*",
    __index = methods,
    __tostring = function() return "file (" .. name .. ")" end,
  })
  function methods.write(_, ...)
    write_values(emit, ...)
    return file
  end
  function methods.flush() return file end
  function methods.setvbuf() return true end
  function methods.close() return nil, "cannot close standard file" end
  return file
end

local stdout = standard_file("stdout", emit_stdout)
io.stdout = stdout
io.stderr = standard_file("stderr", emit_stderr)
function io.write(...) return stdout:write(...) end
local open_output = io.output
function io.output(file)
  if file == nil or file == stdout then return stdout end
  return open_output(file)
end

function print(...)
  local parts = {}
  for index = 1, select("#", ...) do parts[index] = tostring((select(index, ...))) end
  emit_stdout(table.concat(parts, "\t") .. "\n")
end

-- os.exit would end the WebAssembly runtime; here it ends the program, as it does in `lua`.
local exit_signal = setmetatable({}, { __tostring = function() return "exit" end })
local exit_status = 0
function os.exit(status)
  if status == false then exit_status = 1 elseif type(status) == "number" then exit_status = status end
  error(exit_signal, 0)
end

-- As lua.c's message handler: a non-string error object says what it is.
local function with_traceback(message)
  if message == exit_signal then return message end
  if type(message) ~= "string" then
    local meta = getmetatable(message)
    if meta and meta.__tostring then
      message = tostring(message)
    else
      message = string.format("(error object is a %s value)", type(message))
    end
  end
  return debug.traceback(message, 2)
end

local program, syntax_error = load(source, "@main.lua", "t")
if not program then return syntax_error end
local ok, failure = xpcall(program, with_traceback)
if ok then return nil end
if failure == exit_signal then
  return exit_status ~= 0 and string.format("Exited with status %d.", exit_status) or nil
end
return failure
