#!/usr/bin/env python3
"""Ask the test server: ask.py PORT EXPR prints EXPR evaluated on its state
(s); ask.py PORT --fault MODE [COUNT [PATH]] sets a fault."""
import json, sys, urllib.request

port = sys.argv[1]
base = "http://127.0.0.1:%s" % port
if sys.argv[2] == "--fault":
    body = json.dumps({"mode": sys.argv[3], "count": int(sys.argv[4]) if len(sys.argv) > 4 else 1,
                       "path": sys.argv[5] if len(sys.argv) > 5 else None}).encode()
    urllib.request.urlopen(urllib.request.Request(base + "/_fault", data=body, method="POST")).read()
else:
    s = json.load(urllib.request.urlopen(base + "/_state"))
    print(eval(sys.argv[2], {"s": s, "json": json}))
