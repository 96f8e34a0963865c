package io.voltstream.launcher.bench;

/** CPU (100% = one core, averaged over a step) and peak resident memory of one process. */
public record ProcessUsage(String name, double cpuPercent, long maxRssBytes) {}
