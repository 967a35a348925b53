-- Removes every entry of one section (not in flight); returns how many.
-- KEYS: 1 ready stream, 2 retry zset, 3 dead zset, 4 quarantine zset
-- ARGV: 1 prefix, 2 group, 3 section
local prefix, group, section = ARGV[1], ARGV[2], ARGV[3]
local count = 0
if section == 'ready' then
  local start = last_delivered(KEYS[1], group)
  while start do
    local entries = redis.call('XRANGE', KEYS[1], '(' .. start, '+', 'COUNT', 500)
    start = nil
    for _, e in ipairs(entries) do
      redis.call('XDEL', KEYS[1], e[1])
      redis.call('DEL', event_key(prefix, e[2][2]))
      count = count + 1
      start = e[1]
    end
  end
  return count
end
local set = ({retry = KEYS[2], dead = KEYS[3], quarantine = KEYS[4]})[section]
local key_of = section == 'quarantine' and quarantined_key or event_key
for _, id in ipairs(redis.call('ZRANGE', set, 0, -1)) do
  redis.call('DEL', key_of(prefix, id))
  count = count + 1
end
redis.call('DEL', set)
return count
