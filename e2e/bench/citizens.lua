-- wrk script: citizens, not one session. Each request goes out with the next of many logged-in
-- sessions (COOKIES: a file with one "name=value" line a person) for the next of PAGES (paths
-- separated by spaces). A response counts only when it is a 200 that contains EXPECT (the logged-in
-- page's own text); a redirect to the login, an error or a 503 page is counted as wrong and printed.
local cookies = {}
local paths = {}
local expect = os.getenv("EXPECT") or "ログアウト"
local threads = {}

local file = os.getenv("COOKIES")
if file then
  for line in io.lines(file) do
    if line ~= "" then table.insert(cookies, line) end
  end
end
for path in string.gmatch(os.getenv("PAGES") or "/drugs", "%S+") do
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
  if #cookies > 0 then headers["Cookie"] = cookies[(n % #cookies) + 1] end
  return wrk.format("GET", paths[(n % #paths) + 1], headers)
end

function response(status, headers, body)
  if status ~= 200 or not string.find(body, expect, 1, true) then
    wrong = wrong + 1
    statuses[status] = (statuses[status] or 0) + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  local by = {}
  for _, thread in ipairs(threads) do
    total = total + thread:get("wrong")
    for status, count in pairs(thread:get("statuses")) do
      by[status] = (by[status] or 0) + count
    end
  end
  local detail = ""
  for status, count in pairs(by) do
    detail = detail .. " HTTP " .. status .. " x" .. count
  end
  local good = summary.requests - total
  io.write(string.format("RESULT good/s %.1f p50 %.1f p99 %.1f wrong %d of %d%s\n",
    good / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    total, summary.requests, detail))
end
