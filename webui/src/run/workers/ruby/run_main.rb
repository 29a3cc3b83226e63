# Runs a participant's program as `ruby main.rb` would, and returns what `ruby` would print
# on its way out: nil after a clean end, else the error as Ruby reports it, without the
# frames of this runner.
def __pairpad_run(path)
  $stdout.sync = true # output shows as it is written, not when an 8 KB buffer fills
  $stderr.sync = true
  $0 = $PROGRAM_NAME = File.basename(path)
  source = File.read(path)
  TOPLEVEL_BINDING.eval(source, File.basename(path), 1)
  nil
rescue SystemExit => exit
  exit.success? ? nil : "Exited with status #{exit.status}."
rescue Exception => error # rubocop:disable Lint/RescueException: a program's every error is shown
  __pairpad_describe(error)
ensure
  $stdout.flush
  $stderr.flush
end

def __pairpad_describe(error)
  text = error.is_a?(SyntaxError) ? __pairpad_syntax_error(error) : __pairpad_program_error(error)
  # Prism colours its syntax error snippets itself; the output pane shows plain text.
  text.gsub(/\e\[[\d;]*m/, "").chomp
end

# Raised before the program ran, so every frame is this runner's: the message alone, which
# says the line and points at the column, as `ruby` prints it.
def __pairpad_syntax_error(error)
  first, rest = error.message.split("\n", 2)
  ["#{first} (#{error.class})", rest].compact.join("\n")
end

def __pairpad_program_error(error)
  error.set_backtrace(__pairpad_program_frames(error.backtrace || []))
  error.full_message(highlight: false, order: :top)
end

# The frames down to the program's top level: below it are this runner's (`eval`).
def __pairpad_program_frames(frames)
  top = frames.index { |frame| frame.match?(/\Amain\.rb:\d+:in '<main>'\z/) }
  top ? frames[0..top] : frames.reject { |frame| frame.start_with?("eval:", "main.rb:in ") }
end
