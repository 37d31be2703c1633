-- Sends pre-signed webhook requests (one per line: path TAB signature TAB form body) for bench/load.py,
-- each once, in order. Past the last one it starts again and reports "repeated" (the line would answer
-- those from its retry memory, so such a run does not count). BENCH_LIMIT stops after that many answers.
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
repeated = 0 -- a global of each thread's script, read by done() through thread:get
local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
end

function request()
  next_index = next_index + 1
  if next_index > #requests then
    next_index = 1
    repeated = 1
  end
  return requests[next_index]
end

local limit = tonumber(os.getenv("BENCH_LIMIT") or "")
if limit then
  local answered = 0
  function response(status, headers, body)
    answered = answered + 1
    if answered >= limit then
      wrk.thread:stop()
    end
  end
end

function done(summary, latency, _)
  local e = summary.errors
  local again = 0
  for _, thread in ipairs(threads) do
    again = math.max(again, thread:get("repeated") or 0)
  end
  io.write(string.format(
    "BENCH {\"requests\": %d, \"seconds\": %.3f, \"p50_ms\": %.3f, \"p99_ms\": %.3f, \"max_ms\": %.3f, " ..
    "\"errors\": %d, \"non_2xx\": %d, \"repeated\": %d}\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.connect + e.read + e.write + e.timeout + e.status, e.status, again))
end
