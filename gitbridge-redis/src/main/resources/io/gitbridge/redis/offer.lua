-- Enqueue, atomically: dedupe by delivery id, depth check, XADD.
-- KEYS: 1 ready stream, 2 retry zset, 3 dead zset
-- ARGV: 1 prefix, 2 group, 3 delivery id, 4 type, 5 body, 6 received (ISO-8601),
--       7 now (ms), 8 dedupe window (ms), 9 max size
local prefix, group, id = ARGV[1], ARGV[2], ARGV[3]
local key = event_key(prefix, id)
local seen = seen_key(prefix, id)
local section = redis.call('HGET', key, 'section')
if redis.call('EXISTS', seen) == 1 or (section and section ~= 'dead') then
  return 'DUPLICATE'
end
ensure_group(KEYS[1], group)
local live = redis.call('XLEN', KEYS[1]) + redis.call('ZCARD', KEYS[2])
if live >= tonumber(ARGV[9]) then
  return 'FULL'
end
redis.call('SET', seen, ARGV[7], 'PX', ARGV[8])
if section then
  -- a redelivery of a dead letter replaces it
  redis.call('ZREM', KEYS[3], id)
  redis.call('DEL', key)
end
local entry = redis.call('XADD', KEYS[1], '*', 'id', id)
redis.call('HSET', key, 'type', ARGV[4], 'body', ARGV[5], 'received', ARGV[6],
  'attempts', 0, 'steps', 0, 'section', 'ready', 'entry', entry, 'updated', ARGV[7])
return 'ACCEPTED'
