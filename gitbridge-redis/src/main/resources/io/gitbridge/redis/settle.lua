-- A failed attempt: waits in the retry set until its due time, or goes to the dead letters.
-- KEYS: 1 ready stream, 2 leases zset, 3 retry zset, 4 dead zset
-- ARGV: 1 prefix, 2 group, 3 delivery id, 4 token, 5 'retry' or 'dead', 6 error,
--       7 now (ms), 8 due (ms, for retry)
local prefix, group, id = ARGV[1], ARGV[2], ARGV[3]
local key = event_key(prefix, id)
local entry = held(key, ARGV[4])
if not entry then
  return 'STALE'
end
release(KEYS[1], KEYS[2], group, id, entry)
if ARGV[5] == 'retry' then
  redis.call('HSET', key, 'section', 'retry', 'due', ARGV[8], 'error', ARGV[6],
    'updated', ARGV[7], 'entry', '', 'token', '')
  redis.call('ZADD', KEYS[3], ARGV[8], id)
else
  to_dead(prefix, KEYS[4], id, ARGV[6], ARGV[7])
end
return ARGV[5]
