-- wrk script for the page benchmark and the drills: citizens, not one session. Each request goes
-- out with the next of many logged-in sessions (COOKIES: a file with one "name=value" line a person;
-- or COOKIE: one session) for the next of PAGES (paths separated by spaces; or PAGE). A response
-- counts only when it is a 200 that contains EXPECT (the logged-in page's own text, by default the
-- logout button); a redirect to the login, an error or a 503 page counts as wrong, by status. A 503
-- that is not the portal's own polite page (the balancer's, say) is told apart as "503bare". With
-- PACE_MS each connection waits that long between requests. HEADER names the header the lines of
-- COOKIES go in (Cookie by default; Authorization for an app's "Bearer …" tokens against the API).
local cookies = {}
local paths = {}
local expect = os.getenv("EXPECT") or "ログアウト"
local pace = tonumber(os.getenv("PACE_MS") or "0")
local header = os.getenv("HEADER") or "Cookie"
local threads = {}

if os.getenv("COOKIES") then
  for line in io.lines(os.getenv("COOKIES")) do
    if line ~= "" then table.insert(cookies, line) end
  end
elseif os.getenv("COOKIE") then
  table.insert(cookies, os.getenv("COOKIE"))
end
for path in string.gmatch(os.getenv("PAGES") or os.getenv("PAGE") or "/drugs", "%S+") do
  table.insert(paths, path)
end

function setup(thread)
  table.insert(threads, thread)
  thread:set("offset", #threads)
end

function init(args)
  wrong = 0
  statuses = {}
  -- Threads start at different places so that two threads do not walk the sessions side by side.
  n = offset * 7919
end

function request()
  n = n + 1
  local headers = {}
  if #cookies > 0 then headers[header] = cookies[(n % #cookies) + 1] end
  return wrk.format("GET", paths[(n % #paths) + 1], headers)
end

function delay()
  return pace
end

function response(status, headers, body)
  if status ~= 200 or not string.find(body, expect, 1, true) then
    wrong = wrong + 1
    local kind = tostring(status)
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
    for kind, count in pairs(thread:get("statuses")) do
      by[kind] = (by[kind] or 0) + count
    end
  end
  local detail = ""
  for kind, count in pairs(by) do
    detail = detail .. " " .. kind .. "x" .. count
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("wrong responses: %d of %d%s\n", total, summary.requests, detail))
  io.write(string.format("p50 %.1f ms, p99 %.1f ms, %.0f req/s\n", latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.requests / seconds))
  -- One line for scripts: good responses a second, p50 and p99 in ms, wrong responses.
  io.write(string.format("RESULT good/s %.1f p50 %.1f p99 %.1f wrong %d\n", (summary.requests - total) / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, total))
end
