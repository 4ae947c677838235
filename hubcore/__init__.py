"""The hub's content core: loading, checking and describing the content.

Plain Python with no knowledge of MkDocs, so that the site engine can change
without touching the content rules. ``mkdocs_layer/`` adapts it to MkDocs.
"""
