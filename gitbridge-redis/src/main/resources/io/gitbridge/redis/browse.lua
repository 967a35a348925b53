-- One page of a section, oldest first. Cursors: ready, the last stream entry id shown;
-- in_flight and retry, an offset; dead and quarantine, the last sequence number shown.
-- KEYS: 1 ready stream, 2 leases zset, 3 retry zset, 4 dead zset, 5 quarantine zset
-- ARGV: 1 prefix, 2 group, 3 section, 4 cursor ('' for the start), 5 limit
-- Returns {next cursor or '', id, {hash fields}, id, {hash fields}, ...}
local prefix, group, section, cursor = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local limit = tonumber(ARGV[5])
local ids, next_cursor = {}, ''

if section == 'ready' then
  local start = cursor
  if start == '' then
    start = last_delivered(KEYS[1], group)
  end
  if start then
    local entries = redis.call('XRANGE', KEYS[1], '(' .. start, '+', 'COUNT', limit + 1)
    for i = 1, math.min(limit, #entries) do
      ids[i] = entries[i][2][2]
    end
    if #entries > limit then
      next_cursor = entries[limit][1]
    end
  end
elseif section == 'in_flight' or section == 'retry' then
  local set = section == 'retry' and KEYS[3] or KEYS[2]
  local from = cursor == '' and 0 or tonumber(cursor)
  ids = redis.call('ZRANGE', set, from, from + limit)
  if #ids > limit then
    table.remove(ids)
    next_cursor = tostring(from + limit)
  end
else
  local set = section == 'dead' and KEYS[4] or KEYS[5]
  local from = cursor == '' and '-inf' or '(' .. cursor
  local found = redis.call('ZRANGEBYSCORE', set, from, '+inf', 'WITHSCORES', 'LIMIT', 0,
    limit + 1)
  for i = 1, math.min(limit, #found / 2) do
    ids[i] = found[2 * i - 1]
  end
  if #found / 2 > limit then
    next_cursor = found[2 * limit]
  end
end

local out = {next_cursor}
for _, id in ipairs(ids) do
  local key = section == 'quarantine' and quarantined_key(prefix, id) or event_key(prefix, id)
  out[#out + 1] = id
  out[#out + 1] = redis.call('HGETALL', key)
end
return out
