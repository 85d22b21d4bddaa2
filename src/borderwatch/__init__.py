"""borderwatch: joint border-security situational awareness.

Reports in (text, HTML, feeds, field reports), structured and mapped events out,
shared between agencies under enforced markings.
"""

__version__ = "0.1.0"
