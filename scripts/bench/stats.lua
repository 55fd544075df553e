-- wrk script: optional POST body from BENCH_BODY_FILE, and p95/p99 in microseconds after the run.
local body_file = os.getenv("BENCH_BODY_FILE")
if body_file and body_file ~= "" then
  local f = io.open(body_file, "r")
  wrk.method = "POST"
  wrk.body = f:read("*a")
  f:close()
  wrk.headers["Content-Type"] = "application/json"
end
-- A global, so search.lua can load this file for the same summary line (a top-level return would stop wrk reading it).
function bench_summary(summary, latency, requests)
  io.write(string.format("BENCH rps=%.1f p95=%d p99=%d errors=%d non2xx=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(95), latency:percentile(99),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
end
done = bench_summary
