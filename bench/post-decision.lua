-- wrk script: POST the request body in $BODY_FILE (the typical request) to the decision endpoint.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local file = assert(io.open(os.getenv("BODY_FILE"), "rb"))
wrk.body = file:read("*a")
file:close()
-- sign in as the bench user (bench/bench-user.sh exports the header's value)
local authorization = os.getenv("AUTHORIZATION")
if authorization and authorization ~= "" then
  wrk.headers["Authorization"] = authorization
end
