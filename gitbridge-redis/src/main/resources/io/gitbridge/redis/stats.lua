-- Counts of every section at one moment.
-- KEYS: 1 ready stream, 2 leases zset, 3 retry zset, 4 dead zset, 5 quarantine zset
local in_flight = redis.call('ZCARD', KEYS[2])
return {redis.call('XLEN', KEYS[1]) - in_flight, in_flight, redis.call('ZCARD', KEYS[3]),
  redis.call('ZCARD', KEYS[4]), redis.call('ZCARD', KEYS[5])}
