-- graphguard-bench serve: GET /v1/accounts/{id}/risk for random known ids.
-- GG_KEY: the API key; GG_IDS: a file of known account ids, one a line.
local ids = {}
for line in io.lines(os.getenv("GG_IDS")) do
  ids[#ids + 1] = line:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end)
end
wrk.headers["Authorization"] = "Bearer " .. os.getenv("GG_KEY")
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))

request = function()
  return wrk.format("GET", "/v1/accounts/" .. ids[math.random(#ids)] .. "/risk")
end
