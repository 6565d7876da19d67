#!/usr/bin/env node
// Shim so the bin exists before a build; the gateway lives in dist/ (run `npx tsc -b` first).
import '../dist/src/cli/gateway.js';
