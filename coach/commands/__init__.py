"""The data commands (export, import, doctor, stats, content, erase): headless, they never
import Textual.

Each module here has ``register(subcommands)``, which adds its parser and sets ``run`` on it: a
function taking the parsed arguments and returning the exit code.
"""
