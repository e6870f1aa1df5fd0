// Parses every .cypher file given on the command line with Neo4j's own Cypher parser and prints, as JSON,
// each file's syntax errors (parameters are allowed: the queries take them at run time). Run by Neo4jExportTests.
import { lintCypherQuery } from '@neo4j-cypher/language-support';
import { readFileSync } from 'node:fs';

const report = {};
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  const { diagnostics } = lintCypherQuery(text, {});
  report[file] = diagnostics
    .filter(d => d.severity === 1 && !/^Parameter \$\w+ is not defined\.?$/.test(d.message))
    .map(d => `line ${d.range.start.line + 1}: ${d.message}`);
}
process.stdout.write(JSON.stringify(report));
