# Sourced by every script that starts a silo (run.sh, cluster.sh, bench/run.sh). .NET reads the young generation's
# budget only from the environment, not from the runtime configuration, so it cannot live in
# src/Silo/GarbageCollection.props with the rest of the silo's GC settings. 256 MiB per heap: fewer collections, and
# the objects of events in flight have died before most of them (docs/PERFORMANCE.md, latency p99 at 100,000
# customers 138.5 → 77.0 ms). A value already in the environment wins.
export DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x10000000}"
