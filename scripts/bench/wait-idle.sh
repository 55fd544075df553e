# Sourced by bench.sh and measure-cluster.sh. wait_idle PID [MAX]: seconds until the process has finished its background
# work (less than 5 % of a core over one second), at most MAX seconds (default 180). Throughput is measured then.
wait_idle() {
  local a b i
  for i in $(seq 1 "${2:-180}"); do
    a=$(awk '{print $14 + $15}' "/proc/$1/stat"); sleep 1; b=$(awk '{print $14 + $15}' "/proc/$1/stat")
    [ $((b - a)) -lt 5 ] && break
  done
  echo "$i"
}
