#!/usr/bin/env node
import '../dist/src/tools/dra-sim-cli.js';
