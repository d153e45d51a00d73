#!/usr/bin/env python3
"""Plays DHIS2's /api/dataValueSets for pkm's tests, on 127.0.0.1 only, with
DHIS2's checks: a data element, org unit, category option combo or data set
it does not know, a period that is not YYYYMM and a value that is not a
number are conflicts (the value ignored); dryRun=true imports nothing. A
value already held is updated (the same value again: ignored), as an import
is idempotent. Authorization: Basic USER:PASSWORD or ApiToken TOKEN.

  dhis2_server.py DIR USER PASSWORD TOKEN IDS    (writes DIR/dhis2_port)

IDS: the identifiers it knows, comma-separated (UIDs and codes alike).
Summary shapes: 2.38+ (wrapped in `response`, conflicts answered HTTP 409)
by default; POST /_fault {"mode": "old", "count": N} answers the next N in
the old top-level ImportSummary (HTTP 200). Faults: "hang" (answered after
3 s, imported all the same), "refuse" (connection dropped), "huge" (a 5 MB
answer), "hostile" (a conflict whose object and value carry terminal
escapes and a bidi override); a fault's path
"dryRun" or "import" keeps it to those requests.
GET /_state: the values held {"de/period/ou/coc": value}, the requests
(path and query) and any request that broke a rule."""
import base64, json, os, re, sys, time, urllib.parse
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fake import Handler as FakeHandler, lock, serve, set_fault, take_fault

DIR, USER, PASSWORD, TOKEN, IDS = sys.argv[1:6]
KNOWN = set(IDS.split(","))
AUTHS = {"Basic " + base64.b64encode(("%s:%s" % (USER, PASSWORD)).encode()).decode(), "ApiToken " + TOKEN}
PERIOD = re.compile(r"^\d{4}(0[1-9]|1[0-2])$")
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")

state = {"values": {}, "requests": [], "violations": [], "faults": []}


def conflict(obj, value):
    return {"object": obj, "objects": {"id": obj}, "value": value, "errorCode": "E7600"}


def check(dvs):
    """The conflicts of a data value set, and the values that pass."""
    conflicts, ok = [], []
    ou, period = dvs.get("orgUnit", ""), dvs.get("period", "")
    if dvs.get("dataSet") not in KNOWN:
        conflicts.append(conflict(dvs.get("dataSet", ""), "Data set not found or not accessible"))
    if ou not in KNOWN:
        conflicts.append(conflict(ou, "Org unit not found or not accessible"))
    if not PERIOD.match(period):
        conflicts.append(conflict(period, "Period not valid"))
    head_bad = bool(conflicts)
    if "attributeOptionCombo" in dvs:	# pkm must never assume one
        state["violations"].append("attributeOptionCombo sent")
    for v in dvs.get("dataValues", []):
        de, coc, val = v.get("dataElement", ""), v.get("categoryOptionCombo", ""), v.get("value", "")
        if de not in KNOWN:
            conflicts.append(conflict(de, "Data element not found or not accessible"))
        elif coc not in KNOWN:
            conflicts.append(conflict(coc, "Category option combo not found or not accessible"))
        elif not NUMBER.match(str(val)):
            conflicts.append(conflict(str(val), "Data value is not numeric: " + de))
        elif not head_bad:	# a set without a valid org unit, period or data set imports nothing
            ok.append(("%s/%s/%s/%s" % (de, period, ou, coc), str(val)))
    return conflicts, ok


class Handler(FakeHandler):
    def do_GET(self):
        if self.path == "/_state":
            with lock:
                return self.answer(200, state)
        self.answer(404, {"httpStatusCode": 404, "message": "Not found"})

    def do_POST(self):
        text = self.body()
        if self.path == "/_fault":
            set_fault(state, text)
            return self.answer(200, {})
        url = urllib.parse.urlparse(self.path)
        query = urllib.parse.parse_qs(url.query)
        with lock:
            state["requests"].append(self.path)
        if self.refused(state):
            return
        if url.path != "/api/dataValueSets":
            return self.answer(404, {"httpStatusCode": 404, "message": "Not found"})
        if self.headers.get("Authorization") not in AUTHS:
            return self.answer(401, {"httpStatusCode": 401, "message": "Unauthorized"})
        dry = query.get("dryRun", ["false"])[0] == "true"
        where = "dryRun" if dry else "import"	# a fault's path: one of the two only
        old = take_fault(state, {"old"}, where) is not None
        hang = take_fault(state, {"hang"}, where) is not None
        other = take_fault(state, {"huge", "hostile"}, where)
        with lock:
            conflicts, ok = check(json.loads(text))
            counts = {"imported": 0, "updated": 0, "ignored": len(conflicts), "deleted": 0}
            for key, val in ok:
                held = state["values"].get(key)
                counts["imported" if held is None else "updated" if held != val else "ignored"] += 1
                if not dry:
                    state["values"][key] = val
        if hang:
            time.sleep(3)
        if other == "huge":
            return self.answer(200, {"importCount": {}, "description": "x" * (5 << 20)})
        if other == "hostile":
            conflicts.append(conflict("\x1b]0;judul\x07\x1b[2J", "nilai \u202emerah\x1b[31m"))
        status = "WARNING" if conflicts else "SUCCESS"
        summary = {"responseType": "ImportSummary", "status": status, "importOptions": {"dryRun": dry},
                   "description": "Import process completed successfully", "importCount": counts,
                   "conflicts": conflicts, "dataSetComplete": "false"}
        if old:
            return self.answer(200, summary)
        code = 409 if conflicts else 200
        self.answer(code, {"httpStatus": "Conflict" if conflicts else "OK", "httpStatusCode": code,
                           "status": "WARNING" if conflicts else "OK",
                           "message": "One more conflicts encountered, please check import summary."
                           if conflicts else "Import was successful.", "response": summary})


serve(Handler, DIR, "dhis2_port")
