-- Keeps a signed delivery that cannot be processed; a second one with the same id replaces it.
-- KEYS: 1 quarantine zset
-- ARGV: 1 prefix, 2 delivery id, 3 type, 4 body, 5 reason, 6 received (ISO-8601), 7 now (ms)
local key = quarantined_key(ARGV[1], ARGV[2])
redis.call('DEL', key)
redis.call('HSET', key, 'type', ARGV[3], 'body', ARGV[4], 'error', ARGV[5],
  'received', ARGV[6], 'updated', ARGV[7], 'attempts', 0, 'section', 'quarantine')
redis.call('ZADD', KEYS[1], redis.call('INCR', ARGV[1] .. ':seq'), ARGV[2])
return 1
