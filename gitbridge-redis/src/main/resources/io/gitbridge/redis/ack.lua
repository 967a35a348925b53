-- Done: the event leaves the queue; its delivery id stays in the dedupe set.
-- KEYS: 1 ready stream, 2 leases zset
-- ARGV: 1 prefix, 2 group, 3 delivery id, 4 token
local key = event_key(ARGV[1], ARGV[3])
local entry = held(key, ARGV[4])
if not entry then
  return 0
end
release(KEYS[1], KEYS[2], ARGV[2], ARGV[3], entry)
redis.call('DEL', key)
return 1
