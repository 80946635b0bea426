#!/usr/bin/env node
import { main } from "../dist/gazette.js";
process.exitCode = await main(process.argv);
