"""Demands to outlets under the Law on Mass Media Art. 38: refutations and replies, their
numbers, clocks, letters and admin screens."""
