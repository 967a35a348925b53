-- Moves a dead, waiting or quarantined entry back to ready with its attempts reset.
-- KEYS: 1 ready stream, 2 retry zset, 3 dead zset, 4 quarantine zset
-- ARGV: 1 prefix, 2 group, 3 delivery id, 4 now (ms), 5 dedupe window (ms),
--       6 '1' if a quarantined body was checked and may be queued
-- Returns 1 when moved, 0 when there is no such entry, -1 when a quarantined body
-- must be checked first.
local prefix, group, id, now = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local key = event_key(prefix, id)
local section = redis.call('HGET', key, 'section')
if section == 'ready' or section == 'in_flight' then
  return 0
end
if not section then
  local qkey = quarantined_key(prefix, id)
  if redis.call('EXISTS', qkey) == 0 then
    return 0
  end
  if ARGV[6] ~= '1' then
    return -1
  end
  local q = redis.call('HMGET', qkey, 'type', 'body', 'received')
  redis.call('HSET', key, 'type', q[1], 'body', q[2], 'received', q[3], 'steps', 0)
  redis.call('DEL', qkey)
  redis.call('ZREM', KEYS[4], id)
else
  redis.call('ZREM', section == 'retry' and KEYS[2] or KEYS[3], id)
end
ensure_group(KEYS[1], group)
local entry = redis.call('XADD', KEYS[1], '*', 'id', id)
redis.call('HSET', key, 'section', 'ready', 'attempts', 0, 'entry', entry, 'due', '',
  'token', '', 'updated', now)
redis.call('SET', seen_key(prefix, id), now, 'PX', ARGV[5])
return 1
