-- wrk script: POST a new comment per request. Each thread numbers its own requests, so no two bodies are the same
-- (the same text twice from one client would be refused as a duplicate).
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

function init(args)
  path = args[1]
  counter = 0
end

function request()
  counter = counter + 1
  -- Each request comes through the trusted proxy (this machine) from another reader's address, so the per-client
  -- limits hold no one back and the figure is the server's, with every rule applied.
  local forwarded = string.format("10.%d.%d.%d", thread_id, math.floor(counter / 250) % 250, counter % 250)
  local body = string.format(
    '{"author":"Bạn đọc %d","body":"Bình luận đo tải số %d của luồng %d: giao thông giờ cao điểm đã đỡ hơn nhiều."}',
    thread_id, counter, thread_id)
  return wrk.format("POST", path, { ["Content-Type"] = "application/json", ["X-Forwarded-For"] = forwarded }, body)
end
