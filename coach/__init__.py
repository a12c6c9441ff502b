"""pwp-coach: a private, offline reflection coach for Psychological Wellbeing Practitioners."""

__version__ = "0.1.0"
