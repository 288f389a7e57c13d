-- A resident's visit, one wrk connection per thread so that each thread is one
-- resident at a time: browse, look at products, search, fill a basket and, in some
-- visits, check out (address, delivery, payment, order).
-- The request bodies come from a data file bench/load.py writes for each server.
local data
local plan, step, checkout_id, method_id, slot_id
-- Global, so that done() can read it through thread:get("counts").
counts = { requests = 0, app_errors = 0, orders = 0 }

function init(args)
  data = dofile(args[1])
  -- Each thread its own sequence: seeded by the address of a fresh table.
  math.randomseed((tonumber(tostring({}):match("0x(%x+)"), 16) or os.time()) % 2147483647)
  new_visit()
end

local function pick(list) return list[math.random(#list)] end

function new_visit()
  plan = {}
  for i, action in ipairs(data.visit) do plan[i] = action end
  if math.random() < data.checkout_share then
    for _, action in ipairs(data.checkout_steps) do plan[#plan + 1] = action end
  end
  step, checkout_id, method_id, slot_id = 1, nil, nil, nil
end

local function basket_lines()
  local lines = {}
  for i = 1, math.random(1, 3) do
    lines[i] = string.format('{"variantId":"%s","quantity":1}', pick(data.variants))
  end
  return table.concat(lines, ",")
end

local bodies = {
  listing = function() return data.listing end,
  product = function() return string.format(data.product, pick(data.products)) end,
  search = function() return string.format(data.search, pick(data.terms)) end,
  basket = function() return string.format(data.basket, math.random(1, 1e9), basket_lines()) end,
  address = function() return string.format(data.address, checkout_id) end,
  billing = function() return string.format(data.billing, checkout_id) end,
  method = function() return string.format(data.method, checkout_id, method_id) end,
  slots = function() return string.format(data.slots, checkout_id) end,
  slot = function() return string.format(data.slot, checkout_id, slot_id) end,
  pay = function() return string.format(data.pay, checkout_id) end,
  complete = function() return string.format(data.complete, checkout_id) end,
}

function request()
  return wrk.format("POST", "/graphql/", { ["Content-Type"] = "application/json" },
                    bodies[plan[step]]())
end

local function first_open_slot(body)
  for id, remaining, available in body:gmatch(
      '"id"%s*:%s*"([^"]+)"%s*,%s*"remaining"%s*:%s*(%d+)%s*,%s*"isAvailable"%s*:%s*(%a+)') do
    if available == "true" and tonumber(remaining) > 0 then return id end
  end
end

function response(status, headers, body)
  counts.requests = counts.requests + 1
  local action = plan[step]
  local failed = status ~= 200 or body:find('[eE]rrors"%s*:%s*%[%s*{') ~= nil
  if not failed then
    if action == "basket" then
      checkout_id = body:match('"checkout"%s*:%s*{%s*"id"%s*:%s*"([^"]+)"')
      failed = checkout_id == nil
    elseif action == "address" then
      method_id = body:match('"GROUPED_DELIVERY"%s*,%s*"shippingMethod"%s*:%s*{%s*"id"%s*:%s*"([^"]+)"')
        or body:match('"availableShippingMethods"%s*:%s*%[%s*{%s*"id"%s*:%s*"([^"]+)"')
      failed = method_id == nil
    elseif action == "slots" then
      slot_id = first_open_slot(body)
      failed = slot_id == nil
    elseif action == "complete" then
      counts.orders = counts.orders + 1
    end
  end
  if failed then
    counts.app_errors = counts.app_errors + 1
    new_visit()
    return
  end
  step = step + 1
  if step > #plan then new_visit() end
end

-- Main state: gather every thread's counters into one JSON line for bench/load.py.
local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
end

function done(summary, latency, requests)
  local app_errors, orders = 0, 0
  for _, thread in ipairs(threads) do
    local c = thread:get("counts")
    app_errors = app_errors + c.app_errors
    orders = orders + c.orders
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"duration_us":%d,"p50_us":%d,"p95_us":%d,"p99_us":%d,' ..
    '"socket_errors":%d,"status_errors":%d,"timeouts":%d,"app_errors":%d,"orders":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), e.connect + e.read + e.write, e.status, e.timeout,
    app_errors, orders))
end
