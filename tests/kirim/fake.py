"""What the test servers that play the platforms share: a JSON answer, the
faults a test sets (POST /_fault) and takes one by one, a dropped
connection, an added latency (POST /_fault {"mode": "latency", "count": MS})
with the most requests in flight at once, and listening on 127.0.0.1 with
the port written for the test."""
import json, os, threading, time
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler

lock = threading.Lock()


def take_fault(state, modes, where=""):
    """The first fault set of one of `modes` (and for requests starting as
    `where`, when it names a path), counted down; None when there is none."""
    with lock:
        for f in state["faults"]:
            if f["mode"] in modes and f["count"] > 0 and where.startswith(f.get("path") or ""):
                f["count"] -= 1
                return f["mode"]
    return None


def set_fault(state, text):
    f = json.loads(text)
    with lock:
        if f["mode"] == "slow":
            state["slow"] = True
        elif f["mode"] == "latency":	# every answer this many ms late, as over a slow line
            state["latency"] = f.get("count", 0) / 1000.0
            state["most_in_flight"] = 0
        else:
            state["faults"].append({"mode": f["mode"], "count": f.get("count", 1), "path": f.get("path")})


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True	# else each answer waits 40 ms for a delayed ACK

    def late(self, state):
        """The latency a test set, and the high-water mark of requests in flight."""
        with lock:
            state["in_flight"] = state.get("in_flight", 0) + 1
            state["most_in_flight"] = max(state.get("most_in_flight", 0), state["in_flight"])
        time.sleep(state.get("latency", 0))
        with lock:
            state["in_flight"] -= 1

    def log_message(self, *a):
        pass

    def answer(self, status, obj):
        body = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except OSError:
            pass

    def body(self):
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n).decode() if n else ""

    def refused(self, state, where=""):
        """A "refuse" fault: the connection dropped with no answer."""
        if take_fault(state, {"refuse"}, where):
            self.close_connection = True
            self.connection.shutdown(2)
            return True
        return False


def serve(handler, folder, name):
    """Listen on 127.0.0.1 and a free port, written to folder/name once listening."""
    # a queue of 5 waiting connections (socketserver's default) overflowed when
    # eight senders opened theirs at once on a busy machine: the kernel dropped
    # one, and its token request timed out
    ThreadingHTTPServer.request_queue_size = 128
    srv = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    with open(os.path.join(folder, name + ".tmp"), "w") as f:
        f.write(str(srv.server_address[1]))
    os.rename(os.path.join(folder, name + ".tmp"), os.path.join(folder, name))
    srv.serve_forever()
