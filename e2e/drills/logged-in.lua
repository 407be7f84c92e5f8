-- wrk script: every request carries the session cookie (COOKIE) and asks for PAGE; a response that
-- is not a 200 with the citizen's logged-in page (a redirect to the login, an error or 503 page)
-- counts as an error. With PACE_MS each connection waits that long between requests.
local cookie = os.getenv("COOKIE")
local path = os.getenv("PAGE") or "/drugs"
local pace = tonumber(os.getenv("PACE_MS") or "0")
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  wrong = 0
  statuses = {}
end

function request()
  return wrk.format("GET", path, { ["Cookie"] = cookie })
end

function delay()
  return pace
end

function response(status, headers, body)
  if status ~= 200 or not string.find(body, "見本", 1, true) then
    wrong = wrong + 1
    -- A 503 that is not the portal's own polite page (the balancer's, say) is told apart.
    local kind = status
    if status == 503 and not string.find(body, "ただいまご利用いただけません", 1, true) then
      kind = "503bare"
    end
    statuses[kind] = (statuses[kind] or 0) + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  local by = {}
  for _, thread in ipairs(threads) do
    total = total + thread:get("wrong")
    for status, n in pairs(thread:get("statuses")) do
      by[status] = (by[status] or 0) + n
    end
  end
  local detail = ""
  for status, n in pairs(by) do
    detail = detail .. " " .. status .. "x" .. n
  end
  io.write(string.format("wrong responses: %d of %d%s\n", total, summary.requests, detail))
  io.write(string.format("p50 %.1f ms, p99 %.1f ms, %.0f req/s\n", latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6)))
end
