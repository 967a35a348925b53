-- Records completed chain steps, if the caller's lease still holds the event.
-- ARGV: 1 prefix, 2 delivery id, 3 token, 4 completed steps
local key = event_key(ARGV[1], ARGV[2])
if not held(key, ARGV[3]) then
  return 0
end
if tonumber(ARGV[4]) > tonumber(redis.call('HGET', key, 'steps')) then
  redis.call('HSET', key, 'steps', ARGV[4])
end
return 1
