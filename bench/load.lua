-- Rotates pre-signed webhook requests (one per line: path TAB signature TAB form body) for bench/load.py.
local requests = {}
local path = os.getenv("BENCH_REQUESTS")
for line in io.lines(path) do
  local p, sig, body = line:match("^([^\t]+)\t([^\t]+)\t(.*)$")
  if p then
    requests[#requests + 1] = wrk.format("POST", p, {
      ["Content-Type"] = "application/x-www-form-urlencoded",
      ["X-Twilio-Signature"] = sig,
    }, body)
  end
end
local next_index = 0

function request()
  next_index = next_index % #requests + 1
  return requests[next_index]
end

function done(summary, latency, _)
  local e = summary.errors
  io.write(string.format(
    "BENCH {\"requests\": %d, \"seconds\": %.3f, \"p50_ms\": %.3f, \"p99_ms\": %.3f, \"max_ms\": %.3f, " ..
    "\"errors\": %d, \"non_2xx\": %d}\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.connect + e.read + e.write + e.timeout + e.status, e.status))
end
