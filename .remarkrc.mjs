// Front-matter checks while an author types, in VS Code (the "remark" extension,
// unifiedjs.vscode-remark) and on the command line (npx remark docs --quiet).
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
