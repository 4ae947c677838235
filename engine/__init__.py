"""The build engine: the only code that knows MkDocs, Material and static-i18n.

It takes the content as the core checked it (``hubcore``), stages it, builds
one MkDocs process per language, reuses unchanged pages, writes the search
indexes and the PDFs, and runs the live preview. Moving the site to another
engine means replacing this folder, not the core.
"""
