-- wrk script of bench/validation.sh: POST /api/v1/validate with keys from $KEYS_FILE, drawn at random
-- ($KEY_MODE=random) or each once, in turn across $THREADS threads ($KEY_MODE=once: a thread stops after its last key).
-- wrk itself divides by the whole -d duration, so in "once" mode done() prints "once: <requests> requests in
-- <seconds> s", timed from the start to the last thread's stop.
local keys = {}
for line in io.lines(os.getenv("KEYS_FILE")) do keys[#keys + 1] = line end
local mode = os.getenv("KEY_MODE") or "random"
local nthreads = tonumber(os.getenv("THREADS") or "1")
local created = 0
local threads = {}

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

local function now()
  local clock = io.popen("date +%s.%N")
  local seconds = tonumber(clock:read("*l"))
  clock:close()
  return seconds
end

function setup(thread)
  if created == 0 then started = now() end
  thread:set("tid", created)
  created = created + 1
  threads[#threads + 1] = thread
end

function init(args)
  index = tid
  math.randomseed(os.time() + tid)
end

function request()
  local key
  if mode == "random" then
    key = keys[math.random(#keys)]
  elseif index >= #keys then
    -- Out of keys: stop, and hand wrk one last request (a key already asked for), which it does not wait for.
    if not stopped_at then
      stopped_at = now()
      wrk.thread:stop()
    end
    key = keys[#keys]
  else
    key = keys[index + 1]
    index = index + nthreads
  end
  return wrk.format(nil, nil, nil, '{"key":"' .. key .. '"}')
end

function done(summary, latency, requests)
  if mode ~= "once" then return end
  local last = 0
  for _, thread in ipairs(threads) do
    local stopped = thread:get("stopped_at")
    -- A thread still going at the end of -d ran the whole duration.
    last = math.max(last, stopped or (started + summary.duration / 1e6))
  end
  io.write(string.format("once: %d requests in %.3f s\n", summary.requests, last - started))
end
