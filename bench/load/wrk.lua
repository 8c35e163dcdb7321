-- The load harness's wrk script (bench/load.sh): one scenario per run, named by the first argument after `--`.
-- LOAD_IDS names a Lua file returning the data set's ids; LOAD_TOKEN is the load user's access token.
local ids = dofile(os.getenv("LOAD_IDS"))
local auth = "Bearer " .. os.getenv("LOAD_TOKEN")
local get_headers = { ["Authorization"] = auth }
local post_headers = { ["Authorization"] = auth, ["Content-Type"] = "application/json" }
local scenario

function init(args)
  scenario = args[1]
  local seed = tonumber(tostring({}):match("0x(%x+)") or "1", 16) or 1
  math.randomseed(os.time() + seed % 1000003)
end

local function enc(s)
  return (s:gsub("[^%w%-_.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local function bm() return ids.bm[math.random(#ids.bm)] end

local function get(path) return wrk.format("GET", path, get_headers) end

local function post(path, body) return wrk.format("POST", path, post_headers, body) end

local function search(mode)
  return get("/api/v1/search?limit=10&mode=" .. mode .. "&q=" .. enc(ids.queries[math.random(#ids.queries)]))
end

local requests = {
  ticker = function() return get("/api/v1/companies/by-ticker/BM" .. math.random(0, 999)) end,
  page = function() return get("/api/v1/companies/" .. bm() .. "/page") end,
  series = function() return get("/api/v1/companies/" .. bm() .. "/metrics/mau?from=2024-01-01&to=2024-12-31") end,
  filings = function() return get("/api/v1/companies/" .. bm() .. "/filings?limit=20") end,
  list = function()
    return get("/api/v1/companies?sector=Sector%20" .. math.random(0, 19) .. "&country=USA&market_cap_min="
      .. (math.random(1, 900) * 1000000) .. "&limit=20")
  end,
  scoring = function()
    return post("/api/v1/predictions/annual", string.format(
      '{"company_id":"%s","reporting_year":"%d","long_term_debt_to_total_capital":%.4f,"total_debt_to_ebitda":%.4f,'
      .. '"net_income_margin":%.4f,"ebit_to_interest_expense":%.4f,"return_on_assets":%.4f,"access_level":"organization"}',
      bm(), math.random(2000, 2025), math.random() * 1.5, math.random() * 20, math.random() * 0.6 - 0.3,
      math.random() * 30, math.random() * 0.4 - 0.2))
  end,
  keyword = function() return search("keyword") end,
  semantic = function() return search("semantic") end,
  hybrid = function() return search("hybrid") end,
  write = function()
    return post("/api/v1/companies/" .. ids.own[math.random(#ids.own)] .. "/metrics", string.format(
      '{"points":[{"metric_type":"employees","metric_date":"2024-%02d-%02d","value":%d,"unit":"count",'
      .. '"period_type":"daily","metric_category":"operational"}]}', math.random(1, 12), math.random(1, 28),
      math.random(0, 1000000)))
  end,
}

-- 90% reads, 10% writes, as bench/load/sql/mixed.sql.
requests.mixed = function()
  local r = math.random(1, 100)
  if r <= 10 then return requests.write()
  elseif r <= 40 then return requests.ticker()
  elseif r <= 60 then return requests.filings()
  elseif r <= 75 then return requests.series()
  elseif r <= 90 then return requests.page()
  else return requests.list() end
end

function request()
  return requests[scenario]()
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("LOADRESULT,%d,%d,%d,%d,%d,%d,%d,%d\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, e.status,
    e.connect + e.read + e.write + e.timeout))
end
