"""Evaluation commands: score newsdesk's stages against gold data a user points them at."""
