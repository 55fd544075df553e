-- wrk script for search: each request asks the next query from BENCH_QUERIES (one URL-encoded query per line), the
-- threads starting at different places, so most queries are asked for the first time (no cached answer).
-- p95/p99 in microseconds after the run, from stats.lua.
local queries = {}
for line in io.lines(os.getenv("BENCH_QUERIES")) do queries[#queries + 1] = line end
local threads = 0
setup = function(thread)
  thread:set("offset", threads * math.floor(#queries / 2))
  threads = threads + 1
end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/search?q=" .. queries[((offset or 0) + i) % #queries + 1])
end
-- The same summary line as the other measurements.
dofile("scripts/bench/stats.lua")
