-- The soak's wrk script: wrk.lua's scenarios, each connection pausing SOAK_DELAY_MS between requests so that the
-- rate stays steady (16 connections x 1000 / delay requests a second).
dofile("bench/load/wrk.lua")
local pause = tonumber(os.getenv("SOAK_DELAY_MS") or "80")
function delay()
  return pause
end
