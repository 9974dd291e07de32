-- Records a batch of observations, each in its current time bucket, and returns each one's window count
-- (counted after the observations before it), in one round trip.
-- KEYS: every observation's bucket keys in turn, current bucket first; all share one hash tag (one slot).
-- ARGV: per observation, four values: how many of KEYS are its buckets, seconds the current bucket lives,
-- 'count' or 'distinct', and the member ('' unless distinct).
local counts = {}
local k = 1
for a = 1, #ARGV, 4 do
  local n = tonumber(ARGV[a])
  local current = KEYS[k]
  local ttl = ARGV[a + 1]
  if ARGV[a + 2] == 'distinct' then
    redis.call('PFADD', current, ARGV[a + 3])
    redis.call('EXPIRE', current, ttl)
    counts[#counts + 1] = redis.call('PFCOUNT', unpack(KEYS, k, k + n - 1))
  else
    if redis.call('INCR', current) == 1 then
      redis.call('EXPIRE', current, ttl)
    end
    local total = 0
    for _, value in ipairs(redis.call('MGET', unpack(KEYS, k, k + n - 1))) do
      if value then
        total = total + tonumber(value)
      end
    end
    counts[#counts + 1] = total
  end
  k = k + n
end
return counts
