// Lua scripts run atomically in Redis: presence compare-and-set on the registration timestamp, CAS-guarded
// release and refresh, and the one-round-trip route (lookup + liveness check + PUBLISH).
// HMGET returns false for a missing field in Redis Lua; `x or ''` turns that into a string.

/**
 * KEYS[1] presence key; ARGV gateway, ts, ttlMs, evictChannel, userId -> {accepted 0|1, previousGateway}.
 * A move from another instance is published on the shared eviction channel: the previous holder closes its
 * older connection, every instance drops the user from its route cache.
 */
export const CLAIM_SCRIPT = `
local cur = redis.call('HMGET', KEYS[1], 'gateway', 'ts')
if cur[2] and tonumber(cur[2]) > tonumber(ARGV[2]) then
  return {0, cur[1] or ''}
end
redis.call('HSET', KEYS[1], 'gateway', ARGV[1], 'ts', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
local prev = cur[1] or ''
if prev ~= '' and prev ~= ARGV[1] then
  -- latest wins: the instance holding the older connection closes it; every route cache forgets the user
  redis.call('PUBLISH', ARGV[4], 'e\\n' .. ARGV[5] .. '\\n' .. ARGV[2])
end
return {1, prev}
`;

/** KEYS[1] presence key; ARGV gateway, ts, ttlMs -> 1 extended, 2 re-created, 0 lost to a newer registration. */
export const REFRESH_SCRIPT = `
local cur = redis.call('HMGET', KEYS[1], 'gateway', 'ts')
if cur[1] == ARGV[1] and cur[2] == ARGV[2] then
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
  return 1
end
if cur[2] and tonumber(cur[2]) > tonumber(ARGV[2]) then
  return 0
end
redis.call('HSET', KEYS[1], 'gateway', ARGV[1], 'ts', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 2
`;

/** KEYS[1] presence key; ARGV gateway, ts -> 1 deleted, 0 left alone (someone else's or newer). */
export const RELEASE_SCRIPT = `
local cur = redis.call('HMGET', KEYS[1], 'gateway', 'ts')
if cur[1] == ARGV[1] and cur[2] == ARGV[2] then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0
`;

/**
 * KEYS[1] presence key of the recipient; ARGV sender gateway, channelPrefix, aliveSuffix, payload.
 * -> {n, holder}: n > 0 receivers (holder is the recipient's gateway, cached by the sender for a short while);
 *    -1 no entry; -2 entry points at the sender's gateway (stale, removed); -3 holder's heartbeat key expired
 *    (dead instance, entry removed); -4 nobody subscribed to the holder's channel.
 */
export const ROUTE_SCRIPT = `
local gw = redis.call('HGET', KEYS[1], 'gateway')
if not gw then return {-1, ''} end
if gw == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return {-2, gw}
end
if redis.call('EXISTS', ARGV[2] .. gw .. ARGV[3]) == 0 then
  redis.call('DEL', KEYS[1])
  return {-3, gw}
end
local n = redis.call('PUBLISH', ARGV[2] .. gw, ARGV[4])
if n == 0 then return {-4, gw} end
return {n, gw}
`;
