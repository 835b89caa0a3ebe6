-- wrk script for the postback benchmark: each request is a postback for a distinct existing click, except a share
-- of duplicates (the same postback again) and status changes (an earlier conversion rejected, then approved).
-- Click ids come from the file named by env PB_IDS (one per line); threads take disjoint slices.
local ids = {}
local counter = 0
local threads = {}

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

function init(args)
  local path = os.getenv("PB_IDS")
  for line in io.lines(path) do ids[#ids + 1] = line end
  local n = tonumber(os.getenv("PB_THREADS") or "2")
  local per = math.floor(#ids / n)
  first = tid * per + 1
  last = first + per - 1
  pos = first
  dupShare = tonumber(os.getenv("PB_DUP") or "0.10")
  statusShare = tonumber(os.getenv("PB_STATUS") or "0.05")
  math.randomseed(tid * 7919 + 1)
end

function request()
  local r = math.random()
  if pos > first + 10 and r < dupShare then
    local id = ids[math.random(first, pos - 1)]
    return wrk.format("GET", "/postback?click_id=" .. id .. "&payout=1.50&txid=t" .. id)
  elseif pos > first + 10 and r < dupShare + statusShare then
    local id = ids[math.random(first, pos - 1)]
    local st = (math.random() < 0.5) and "rejected" or "approved"
    return wrk.format("GET", "/postback?click_id=" .. id .. "&payout=1.50&txid=t" .. id .. "&status=" .. st)
  end
  if pos > last then pos = first + 11 end
  local id = ids[pos]
  pos = pos + 1
  return wrk.format("GET", "/postback?click_id=" .. id .. "&payout=1.50&txid=t" .. id)
end
