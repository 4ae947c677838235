"""The hostile-input corpus: malicious and broken content the site must survive.

Every case is one of two kinds (see ``cases.py``):

- **inert**: accepted, and must be shown as text. All inert cases are added to one
  temporary copy of the repository and built once; ``tests/test_hostile.py`` opens
  every page they appear on in Chromium (both languages, search included), with a
  trap that records anything that runs.
- **refused**: must be stopped by the validator with a located error, given as the
  ``path:line: field`` prefix it must print. All refused cases go into a second
  copy, validated once; a build of that copy must write nothing.

To add a case, add an ``Inert`` or ``Refused`` entry to ``cases.py``. An inert
payload should set ``window.__pwned`` (or call ``alert``) if it ever ran; use
``payload("where")`` to get one that tries several contexts at once.
"""
