"""The interactive self-check, tested on a small sample site: its search index and, in Chromium, its pages."""
