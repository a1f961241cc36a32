"""Errors a user can fix: the CLI prints them as one line naming the file and the key."""


class UserError(Exception):
    """A problem with the operator's input (config, lists, arguments)."""
