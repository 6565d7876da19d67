#!/usr/bin/env node
import '../dist/src/tools/load-cli.js';
