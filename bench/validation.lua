-- wrk script of bench/validation.sh: POST /api/v1/validate with keys from $KEYS_FILE,
-- drawn at random ($KEY_MODE=random) or each in turn across threads ($KEY_MODE=sequential, $THREADS threads).
local keys = {}
for line in io.lines(os.getenv("KEYS_FILE")) do keys[#keys + 1] = line end
local mode = os.getenv("KEY_MODE") or "random"
local nthreads = tonumber(os.getenv("THREADS") or "1")
local created = 0

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

function setup(thread)
  thread:set("tid", created)
  created = created + 1
end

function init(args)
  index = tid
  math.randomseed(os.time() + tid)
end

function request()
  local key
  if mode == "sequential" then
    key = keys[(index % #keys) + 1]
    index = index + nthreads
  else
    key = keys[math.random(#keys)]
  end
  return wrk.format(nil, nil, nil, '{"key":"' .. key .. '"}')
end
