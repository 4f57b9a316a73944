#!/usr/bin/env node
import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  runCli
} from "./chunks/chunk-O6HOTHHR.js";
import "./chunks/chunk-SVZWPUGU.js";

// src/cli.ts
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env
});
