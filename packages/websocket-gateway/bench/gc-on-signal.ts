// Preloaded (`node --expose-gc --import`) into both servers of the memory benchmark, identically: on SIGUSR2 run a
// full GC and print memoryUsage as one JSON line, so per-connection figures count retained memory, not garbage
// left over from handshakes.
process.on('SIGUSR2', () => {
  (globalThis as { gc?: () => void }).gc?.();
  setTimeout(() => {
    (globalThis as { gc?: () => void }).gc?.();
    process.stdout.write(`${JSON.stringify({ memory: process.memoryUsage() })}\n`);
  }, 200);
});
