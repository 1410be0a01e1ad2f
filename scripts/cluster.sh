#!/usr/bin/env bash
# Starts a cluster on this machine: the embedded Kafka broker, Azurite and N silos (each on its own ports), in the
# foreground; prints each silo's API URL, the bootstrap servers and the connection string. Ctrl+C stops the silos, then
# Azurite and the broker. Logs in .data/cluster/logs. The silos meet in the Azure Table membership in Azurite, or with
# CLUSTER_MEMBERSHIP=Redis CLUSTER_REDIS=host:port in that Redis server (one of yours: the script starts none).
set -uo pipefail
cd "$(dirname "$0")/.."

count="${1:-2}"
if ! [[ "$count" =~ ^[1-9]$ ]]; then
  echo "Usage: bash scripts/cluster.sh N   (N silos, 1 to 9)"
  exit 2
fi
api_base="${CLUSTER_API_PORT:-5100}"
silo_base="${CLUSTER_SILO_PORT:-11200}"
gateway_base="${CLUSTER_GATEWAY_PORT:-30100}"
azurite_port="${CLUSTER_AZURITE_PORT:-10012}"
membership="${CLUSTER_MEMBERSHIP:-AzureTable}"
redis="${CLUSTER_REDIS:-}"
case "$membership" in
  AzureTable) membership_note="membership in the storage account" ;;
  Redis)
    [ -n "$redis" ] || { echo "CLUSTER_MEMBERSHIP=Redis needs CLUSTER_REDIS=host:port (a running Redis server)"; exit 2; }
    membership_note="membership in Redis at $redis" ;;
  *) echo "CLUSTER_MEMBERSHIP must be AzureTable or Redis (got '$membership')"; exit 2 ;;
esac
data=".data/cluster"
logs="$data/logs"
launcher="src/Development/bin/Debug/net10.0/Engagement.Development.dll"
mkdir -p "$logs"

command -v curl >/dev/null || { echo "curl is missing (apt-get install curl): it checks that each silo is ready."; exit 1; }
source scripts/azurite-install.sh
echo "==> Building the engine"
dotnet build src/Development -v quiet -nologo >/dev/null || { echo "The build failed: run 'dotnet build src/Development' to see why."; exit 1; }

pids=()
# Stops the given processes with SIGTERM and waits for them (60 s at most each, then SIGKILL).
stop_all() {
  kill -TERM "$@" 2>/dev/null
  for pid in "$@"; do
    for _ in $(seq 1 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null
  done
}
stop() {
  trap - INT TERM EXIT
  echo "==> Stopping the silos, then Azurite and the broker"
  # Silos first, each making its last checkpoint while storage and the broker are still there.
  [ ${#pids[@]} -gt 2 ] && stop_all "${pids[@]:2}"
  [ ${#pids[@]} -gt 0 ] && stop_all "${pids[@]:0:2}"
  exit 0
}
trap stop INT TERM EXIT

# Waits for a line of the form NAME=VALUE in a log and prints VALUE; stops the cluster when the process died first.
setting_from() {
  local log="$1" name="$2" pid="$3" what="$4"
  for _ in $(seq 1 600); do
    local line
    line=$(grep -o "$name=.*" "$log" 2>/dev/null | head -n 1)
    if [ -n "$line" ]; then
      echo "${line#*=}"
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "The $what stopped before it was up; its log ($log) ends with:" >&2
      tail -n 20 "$log" >&2
      return 1
    fi
    sleep 0.1
  done
  echo "The $what was not up within 60 s; see $log" >&2
  return 1
}

# The broker and Azurite run in sessions of their own: Ctrl+C reaches the whole process group, and they must outlive the
# silos' last checkpoints; stop() stops them after the silos.
echo "==> Starting the embedded Kafka broker (log: $logs/broker.log)"
setsid dotnet "$launcher" broker >"$logs/broker.log" 2>&1 &
pids+=($!)
bootstrap=$(setting_from "$logs/broker.log" Kafka__BootstrapServers $! "broker") || exit 1
cluster_name=$(setting_from "$logs/broker.log" Kafka__ClusterName $! "broker") || exit 1

echo "==> Starting Azurite on port $azurite_port (log: $logs/azurite.log; data: $data/azurite)"
Development__AzuritePort="$azurite_port" Development__AzuriteFolder="$PWD/$data/azurite" \
  setsid dotnet "$launcher" azurite >"$logs/azurite.log" 2>&1 &
pids+=($!)
storage=$(setting_from "$logs/azurite.log" Storage__ConnectionString $! "Azurite") || {
  echo "A port taken? Set CLUSTER_AZURITE_PORT to a free one." >&2; exit 1; }

# A new cluster id each start: the membership table then holds no silos of an earlier run to probe; grain state is
# keyed by the service id, so it carries over.
cluster_id="cluster-$(date +%Y%m%d%H%M%S)"
urls=()
for i in $(seq 1 "$count"); do
  url="http://127.0.0.1:$((api_base + i))"
  echo "==> Starting silo $i on $url (log: $logs/silo-$i.log)"
  Kafka__BootstrapServers="$bootstrap" Kafka__ClusterName="$cluster_name" \
  Storage__ConnectionString="$storage" \
  Orleans__Clustering="$membership" Orleans__RedisConnectionString="$redis" \
  Orleans__ClusterId="$cluster_id" Orleans__AdvertisedAddress=127.0.0.1 \
  Orleans__SiloPort=$((silo_base + i)) Orleans__GatewayPort=$((gateway_base + i)) Urls="$url" \
  Demo__Enabled="$([ "$i" -eq 1 ] && echo "${CLUSTER_DEMO:-true}" || echo false)" \
    dotnet "$launcher" >"$logs/silo-$i.log" 2>&1 &
  pids+=($!)
  urls+=("$url")
done

for i in $(seq 1 "$count"); do
  url="${urls[i - 1]}"
  pid="${pids[i + 1]}"
  ready=""
  for _ in $(seq 1 240); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/health/ready")" = "200" ]; then ready=yes; break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if [ -z "$ready" ]; then
    echo "Silo $i did not become ready; its log ($logs/silo-$i.log) ends with:"
    tail -n 20 "$logs/silo-$i.log"
    exit 1
  fi
  echo "    silo $i ready"
done

echo
echo "Cluster of $count silos is up (Ctrl+C stops it)."
for i in $(seq 1 "$count"); do
  echo "  silo $i API:             ${urls[i - 1]}"
done
echo "  Kafka bootstrap servers: $bootstrap"
echo "  Storage connection:      $storage"
echo "  Orleans cluster id:      $cluster_id ($membership_note)"
echo "  Token:                   dotnet run --project src/Silo -- token --role supervisor"
wait
