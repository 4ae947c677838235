"""The hub's content core: content -> model -> views and outputs.

Plain Python with no knowledge of MkDocs, Material or static-i18n, so that the
site engine can change without touching the content rules: loading and checking
every file, the model, the vocabularies, the translations, what each page shows,
and the outputs that do not depend on the engine (open data, feeds, sitemap,
schemas). ``engine/`` builds the site with MkDocs from it; a test fails if a
module here imports the engine or MkDocs.
"""
