#!/usr/bin/env node
// V8 settings first (see src/v8-flags.ts), then the CLI, loaded once they apply.
import { tuneV8 } from "../dist/v8-flags.js";

tuneV8();
const { main } = await import("../dist/gazette.js");
process.exitCode = await main(process.argv);
