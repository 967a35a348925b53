-- One stored entry by delivery id: the queued event if there is one, else a quarantined one.
-- ARGV: 1 prefix, 2 delivery id
local fields = redis.call('HGETALL', event_key(ARGV[1], ARGV[2]))
if #fields == 0 then
  fields = redis.call('HGETALL', quarantined_key(ARGV[1], ARGV[2]))
end
return fields
