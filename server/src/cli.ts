#!/usr/bin/env node
// mldoc: the engine on the command line. The commands live in cli/; this file only connects them to the process.
import { processIo } from './cli/io';
import { run } from './cli/main';

process.exitCode = run(process.argv.slice(2), processIo());
