// Validates an OpenAPI document (3.0 or 3.1) read from the file named on the command line, with
// ReadMe's parser: JSON Schema validation against the official OpenAPI schemas plus its own checks.
// Prints "valid" and exits 0, or prints each error and exits 1.
import { readFileSync } from "node:fs";
import { validate } from "@readme/openapi-parser";

const document = JSON.parse(readFileSync(process.argv[2], "utf8"));
const result = await validate(document, { validate: { errors: { colorize: false } } });
if (result.valid) {
  console.log("valid");
  for (const warning of result.warnings ?? []) {
    console.log(`warning: ${warning.message}`);
  }
} else {
  for (const error of result.errors) {
    console.log(`error: ${error.message}`);
  }
  process.exitCode = 1;
}
