"""The coach's own theme: high contrast, beside Textual's dark and light ones.

For low vision, bright rooms and tired eyes at the end of the day: pure black and white, with
one strong colour for what has the focus. It is registered by the app, so it is offered
wherever Textual's themes are (settings, and the palette's Theme command) and kept the same
way. Nothing in the coach says anything by colour alone (``coach.tui.widgets.ticks``), so a
theme changes how it looks, never what it means.
"""

from __future__ import annotations

from textual.theme import Theme

HIGH_CONTRAST = Theme(
    name="high-contrast",
    primary="#FFFF00",  # yellow on black: the focus, the primary button
    secondary="#00FFFF",
    accent="#FFFF00",
    warning="#FFA500",
    error="#FF6B6B",
    success="#00FF00",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    boost="#262626",
    dark=True,
    luminosity_spread=0.25,
    text_alpha=1.0,
    variables={
        "footer-key-foreground": "#FFFF00",
        "input-selection-background": "#FFFF00 50%",
        "block-cursor-foreground": "#000000",
        "block-cursor-background": "#FFFF00",
        "block-cursor-text-style": "bold",
    },
)

COACH_THEMES = (HIGH_CONTRAST,)
