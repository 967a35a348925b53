-- Prepended to every GitBridge script. All keys share one hash tag ({prefix}), so a
-- Redis Cluster keeps them in one slot and the keys derived here are legal.
-- Times are milliseconds of GitBridge's clock, passed in as strings: scripts never
-- read Redis's own clock and never do arithmetic on timestamps.

local function event_key(prefix, id)
  return prefix .. ':event:' .. id
end

local function seen_key(prefix, id)
  return prefix .. ':seen:' .. id
end

local function quarantined_key(prefix, id)
  return prefix .. ':quarantined:' .. id
end

-- The stream and its consumer group appear together: after a FLUSHALL or on a
-- fresh Redis the first script that needs them creates both.
local function ensure_group(stream, group)
  if redis.call('EXISTS', stream) == 0 then
    redis.call('XGROUP', 'CREATE', stream, group, '$', 'MKSTREAM')
  end
end

-- The id of the last entry handed to the group: everything after it is ready.
local function last_delivered(stream, group)
  if redis.call('EXISTS', stream) == 0 then
    return nil
  end
  for _, g in ipairs(redis.call('XINFO', 'GROUPS', stream)) do
    local fields = {}
    for i = 1, #g, 2 do
      fields[g[i]] = g[i + 1]
    end
    if fields['name'] == group then
      return fields['last-delivered-id']
    end
  end
  return '0-0'
end

-- Takes an event out of the stream and the lease set (it was in flight).
local function release(stream, leases, group, id, entry)
  redis.call('XACK', stream, group, entry)
  redis.call('XDEL', stream, entry)
  redis.call('ZREM', leases, id)
end

-- Files an event under the dead letters; its delivery id is forgotten so that a
-- redelivery from GitHub is a new chance.
local function to_dead(prefix, dead, id, error, now)
  redis.call('HSET', event_key(prefix, id), 'section', 'dead', 'error', error,
    'updated', now, 'entry', '', 'token', '', 'due', '')
  redis.call('ZADD', dead, redis.call('INCR', prefix .. ':seq'), id)
  redis.call('DEL', seen_key(prefix, id))
end

-- Whether the caller's lease token still holds the event.
local function held(key, token)
  local f = redis.call('HMGET', key, 'section', 'token', 'entry')
  if f[1] == 'in_flight' and f[2] == token then
    return f[3]
  end
  return nil
end

