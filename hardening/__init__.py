"""Pure logic of the Jitsi hardening deploy: settings, file edits, plans.

Nothing in this package talks to a server, so the tasks, the offline renderer and the
tests all use the very same functions.
"""
