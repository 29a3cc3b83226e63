"""PairPad's desktop launcher: choose a port, run the server in a thread, open the window.

One module per job: ``cli`` (flags → options), ``ports`` (bind the listening socket),
``addresses`` (the links to show), ``logging_setup`` (a log file, since a windowed app has no
console), ``signals`` (Ctrl+C / SIGTERM), ``window`` (pywebview), ``app`` (the order of it all).
"""
