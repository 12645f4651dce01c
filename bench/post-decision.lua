-- wrk script: POST the request body in $BODY_FILE (the typical request) to the decision endpoint.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local file = assert(io.open(os.getenv("BODY_FILE"), "rb"))
wrk.body = file:read("*a")
file:close()
