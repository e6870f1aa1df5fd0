-- graphguard-bench serve: POST /v1/risk:batch with GG_BATCH random known ids per request.
-- Bodies are built once, up front, so wrk spends its time sending rather than concatenating strings.
local ids = {}
for line in io.lines(os.getenv("GG_IDS")) do
  ids[#ids + 1] = '"' .. line:gsub('[\\"]', '\\%0') .. '"'
end
local size = tonumber(os.getenv("GG_BATCH"))
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
local bodies = {}
for b = 1, 32 do
  local parts = {}
  for i = 1, size do
    parts[i] = ids[math.random(#ids)]
  end
  bodies[b] = '{"ids":[' .. table.concat(parts, ",") .. ']}'
end
wrk.headers["Authorization"] = "Bearer " .. os.getenv("GG_KEY")
wrk.headers["Content-Type"] = "application/json"
local n = 0

request = function()
  n = n + 1
  return wrk.format("POST", "/v1/risk:batch", nil, bodies[n % #bodies + 1])
end
