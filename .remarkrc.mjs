// Front-matter checks with remark on the command line: `npm run check-front-matter`.
//
// Run remark only that way (or with the same options): `--rc-path .remarkrc.mjs --no-config
// --no-ignore`. Without them remark, like its VS Code extension, looks for configuration
// (.remarkrc.*, package.json) in every folder it reads and loads the plugins it names: a
// pull request could add one under docs/ and run its own code on a maintainer's machine.
// The extension cannot be told not to, so the hub does not recommend it (see the README).
//
// The JSON Schemas and the list of files each one applies to are generated from the
// validator's own declarations by `make schemas` (hub.py schemas) into .cache/schemas/.
// This file only wires them in; it checks front matter and nothing else in the text.
// The validator (`hub.py validate`) remains the authority: it also checks what needs
// more than one file (translations against originals, links, attachments).
import {readFileSync} from 'node:fs'
import remarkFrontmatter from 'remark-frontmatter'
import remarkLintFrontmatterSchema from 'remark-lint-frontmatter-schema'

let schemas = {}
try {
  schemas = JSON.parse(
    readFileSync(new URL('.cache/schemas/associations.json', import.meta.url), 'utf8')
  )
} catch {
  // Not generated yet: run `make schemas`. Without it, nothing is checked here.
}

export default {
  plugins: [remarkFrontmatter, [remarkLintFrontmatterSchema, {schemas}]]
}
