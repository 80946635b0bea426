/**
 * Run before every test file (the files of a worker share their modules, see
 * vitest.config.ts): the temp folders a file made are removed when it ends.
 */
import { afterAll } from "vitest";
import { removeFileFolders } from "./helpers/site.js";

afterAll(removeFileFolders);
