-- Removes an entry of any section but in flight.
-- KEYS: 1 ready stream, 2 retry zset, 3 dead zset, 4 quarantine zset
-- ARGV: 1 prefix, 2 delivery id
local prefix, id = ARGV[1], ARGV[2]
local key = event_key(prefix, id)
local f = redis.call('HMGET', key, 'section', 'entry')
local removed = 0
if f[1] == 'ready' then
  redis.call('XDEL', KEYS[1], f[2])
elseif f[1] == 'retry' then
  redis.call('ZREM', KEYS[2], id)
elseif f[1] == 'dead' then
  redis.call('ZREM', KEYS[3], id)
end
if f[1] and f[1] ~= 'in_flight' then
  redis.call('DEL', key)
  removed = 1
end
if redis.call('ZREM', KEYS[4], id) == 1 then
  redis.call('DEL', quarantined_key(prefix, id))
  removed = 1
end
return removed
