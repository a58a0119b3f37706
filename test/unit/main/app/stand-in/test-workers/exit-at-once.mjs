// A utility-process entry that dies as soon as it starts (exit code 3).
process.exit(3)
