"""The media watch's admin screens: its watch terms (Settings → Media watch), and its outlets
and sources with their health (the "Media watch" menu)."""
