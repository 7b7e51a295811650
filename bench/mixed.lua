-- wrk script for the mixed-endpoint run: every request takes the next path of the list below,
-- so the load spreads over all read-only API endpoints and several asOf dates.
-- bench/run also reads this list (one quoted "/api/..." path per line) to check each path once
-- with curl before loading it, so keep one path per line.

local paths = {
  "/api/participants?asOf=1999-09-14&status=MEMBER",
  "/api/participants?asOf=2006-06-20&status=OBSERVER",
  "/api/participants?asOf=2014-05-21&status=MEMBER",
  "/api/participants?asOf=2022-10-13&status=OBSERVER",
  "/api/participants?asOf=2024-01-01&status=MEMBER",
  "/api/participants/KOR",
  "/api/participants/THA",
  "/api/participants/KWT",
  "/api/participants/counts?asOf=2002-06-04",
  "/api/participants/counts?asOf=2012-09-01",
  "/api/participants/counts?asOf=2022-02-09",
  "/api/participants/counts?asOf=2025-06-01",
  "/api/bodies?asOf=2000-01-01",
  "/api/bodies?asOf=2015-11-11",
  "/api/bodies?asOf=2024-01-01",
  "/api/chairmanship?asOf=2002-06-04",
  "/api/chairmanship?asOf=2016-04-27",
  "/api/chairmanship?asOf=2020-09-24",
  "/api/chairmanship?asOf=2024-01-01",
  "/api/meetings?body=CHSG",
  "/api/meetings?from=2000-01-01&to=2010-12-31",
  "/api/timeline?from=2020-01-01&to=2023-12-31",
  "/api/documents",
  "/api/documents/DECLARATION-2006",
  "/api/decisions",
}

-- Each wrk thread has its own Lua state; start the threads at different places in the list.
local thread_count = 0

function setup(thread)
  thread:set("thread_id", thread_count)
  thread_count = thread_count + 1
end

local requests = {}
local i = 0

function init(args)
  for n, path in ipairs(paths) do
    requests[n] = wrk.format("GET", path)
  end
  i = ((thread_id or 0) * 7) % #requests
end

function request()
  i = i % #requests + 1
  return requests[i]
end
