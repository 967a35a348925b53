-- Takes over an event from another store (the failover spool), keeping its attempts,
-- checkpoint and last error. Safe to repeat: a delivery already known is a duplicate.
-- No depth check: the event was accepted already.
-- KEYS: 1 ready stream, 2 retry zset, 3 dead zset
-- ARGV: 1 prefix, 2 group, 3 delivery id, 4 type, 5 body, 6 received (ISO-8601),
--       7 now (ms), 8 dedupe window (ms), 9 'ready', 'retry' or 'dead', 10 attempts,
--       11 completed steps, 12 last error ('' for none), 13 due (ms, for retry)
local prefix, group, id, now, section = ARGV[1], ARGV[2], ARGV[3], ARGV[7], ARGV[9]
local key = event_key(prefix, id)
if redis.call('EXISTS', key) == 1 then
  return 'DUPLICATE'
end
if section ~= 'dead' then
  if not redis.call('SET', seen_key(prefix, id), now, 'NX', 'PX', ARGV[8]) then
    return 'DUPLICATE'
  end
end
redis.call('HSET', key, 'type', ARGV[4], 'body', ARGV[5], 'received', ARGV[6],
  'attempts', ARGV[10], 'steps', ARGV[11], 'error', ARGV[12], 'updated', now)
if section == 'dead' then
  to_dead(prefix, KEYS[3], id, ARGV[12], now)
elseif section == 'retry' then
  redis.call('HSET', key, 'section', 'retry', 'due', ARGV[13])
  redis.call('ZADD', KEYS[2], ARGV[13], id)
else
  ensure_group(KEYS[1], group)
  local entry = redis.call('XADD', KEYS[1], '*', 'id', id)
  redis.call('HSET', key, 'section', 'ready', 'entry', entry)
end
return 'ACCEPTED'
