-- Leases up to max events: due retries go back to the stream, expired leases are
-- reclaimed (XCLAIM) or dead-lettered, then new entries are read (XREADGROUP).
-- KEYS: 1 ready stream, 2 leases zset, 3 retry zset, 4 dead zset
-- ARGV: 1 prefix, 2 group, 3 consumer, 4 max, 5 now (ms), 6 lease expiry (ms),
--       7 max attempts (retries + 1)
local prefix, group, consumer = ARGV[1], ARGV[2], ARGV[3]
local max, now, expires = tonumber(ARGV[4]), ARGV[5], ARGV[6]
local max_attempts = tonumber(ARGV[7])
ensure_group(KEYS[1], group)

for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now, 'LIMIT', 0, 100)) do
  redis.call('ZREM', KEYS[3], id)
  local entry = redis.call('XADD', KEYS[1], '*', 'id', id)
  redis.call('HSET', event_key(prefix, id), 'section', 'ready', 'entry', entry, 'due', '',
    'updated', now)
end

local leased = {}
local function grant(id, entry, key)
  local attempts = redis.call('HINCRBY', key, 'attempts', 1)
  local token = entry .. '/' .. attempts
  redis.call('HSET', key, 'section', 'in_flight', 'token', token, 'expires', expires,
    'updated', now, 'consumer', consumer)
  redis.call('ZADD', KEYS[2], expires, id)
  local f = redis.call('HMGET', key, 'type', 'body', 'received', 'steps')
  leased[#leased + 1] = {id, f[1], f[2], f[3], attempts, tonumber(f[4]), token, expires}
end

for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, 100)) do
  local key = event_key(prefix, id)
  local f = redis.call('HMGET', key, 'attempts', 'entry')
  local attempts = tonumber(f[1])
  if not attempts then
    redis.call('ZREM', KEYS[2], id)
  else
    local error = 'lease expired during attempt ' .. attempts
    if attempts >= max_attempts then
      release(KEYS[1], KEYS[2], group, id, f[2])
      to_dead(prefix, KEYS[4], id, error, now)
    elseif #leased < max then
      redis.call('XCLAIM', KEYS[1], group, consumer, 0, f[2], 'JUSTID')
      redis.call('HSET', key, 'error', error)
      grant(id, f[2], key)
    end
  end
end

if #leased < max then
  local read = redis.call('XREADGROUP', 'GROUP', group, consumer, 'COUNT', max - #leased,
    'STREAMS', KEYS[1], '>')
  if read then
    for _, e in ipairs(read[1][2]) do
      local entry, id = e[1], e[2][2]
      local key = event_key(prefix, id)
      if redis.call('HGET', key, 'entry') == entry then
        grant(id, entry, key)
      else
        -- an entry whose event was deleted or moved: drop it
        redis.call('XACK', KEYS[1], group, entry)
        redis.call('XDEL', KEYS[1], entry)
      end
    end
  end
end
return leased
