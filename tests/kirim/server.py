#!/usr/bin/env python3
"""Plays SATUSEHAT for pkm's tests, on 127.0.0.1 only: the token, Patient and
Practitioner lookup by NIK, Location, transaction Bundles and the searches a
sender uses to find what it already sent. It checks every rule pkm must keep
on what it receives and keeps what it accepted, so a test can ask.

  server.py DIR ORG CLIENT_ID SECRET   (writes DIR/port once listening)

A NIK beginning 9999 is unknown. Faults, set by POST /_fault {"mode", "count"}:
  500     the next bundles get HTTP 500
  hang    the next bundles are answered after 3 s (processed, too late)
  refuse  the next requests lose their connection with no answer
  expire  the next calls find their token expired (401)
  reject  the next bundles get 400 with an OperationOutcome
  slow    bundles take 0-0.3 s (for kill -9 at random moments)
  latency searches and bundles answered COUNT ms late (most_in_flight: the most at once)
  lost    the next bundles are processed, then the connection closes unanswered
  garbled the next bundles are processed, then answered 200 with a page that is no JSON
  badsearch the next Patient searches answer an entry without an id
  token_crlf          the next tokens carry "\r\nX-Injected: 1" (a header of their own)
  token_expires_huge  the next tokens expire in 9223372036854775807 s
GET /_state gives what was accepted, every rule broken and how many
requests came with an X-Injected header ("injected")."""
import json, os, random, re, sys, time, uuid, urllib.parse
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fake import Handler as FakeHandler, lock, serve, set_fault, take_fault as take

DIR, ORG, CLIENT_ID, SECRET = sys.argv[1:5]
NIK_SYS = "https://fhir.kemkes.go.id/id/nik"
TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$")
URN = re.compile(r"^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
VITALS = {"8480-6": ["mm[Hg]"], "8462-4": ["mm[Hg]"], "8867-4": ["/min"], "8310-5": ["Cel"],
          "9279-1": ["/min"], "29463-7": ["kg", "g"], "8302-2": ["cm"]}
TIME_KEYS = {"start", "end", "recordedDate", "effectiveDateTime", "issued", "authoredOn", "whenPrepared",
             "whenHandedOver", "occurrenceDateTime"}
# The whole record (issue 35): each created conditionally on its first identifier.
RECORD = ("MedicationRequest", "MedicationDispense", "Procedure", "AllergyIntolerance", "Immunization", "ServiceRequest")
ID_KIND = {"MedicationRequest": "prescription-item", "AllergyIntolerance": "allergy"}
KFA = "http://sys-ids.kemkes.go.id/kfa"
SNOMED = "http://snomed.info/sct"

state = {"tokens": {}, "store": dict({"Encounter": {}, "Condition": {}, "Observation": {}, "Location": {}},
                                     **{t: {} for t in RECORD}),
         "violations": [], "bundles": 0, "bundle_posts": 0,
         "posted": dict({"Encounter": 0, "Condition": 0, "Observation": 0}, **{t: 0 for t in RECORD}),
         "puts": 0, "kept": 0, "faults": [], "slow": False, "token_requests": 0, "injected": 0}


def ihs(kind, nik):
    return None if nik.startswith("9999") else ("P" if kind == "Patient" else "N") + nik


def take_fault(modes):
    return take(state, modes)


def walk(node, fn, path=""):
    if isinstance(node, dict):
        for k, v in node.items():
            fn(k, v, path + "." + k)
            walk(v, fn, path + "." + k)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            walk(v, fn, "%s[%d]" % (path, i))


def code_of(cc):
    try:
        return cc["coding"][0]
    except (KeyError, IndexError, TypeError):
        return {}


def check_bundle(b):
    """Every rule broken by a transaction Bundle, as words."""
    bad = []
    if b.get("resourceType") != "Bundle" or b.get("type") != "transaction":
        return ["not a transaction Bundle"]
    entries = b.get("entry") or []
    urls = {}
    for i, e in enumerate(entries):
        fu, req, res = e.get("fullUrl", ""), e.get("request", {}), e.get("resource", {})
        t = res.get("resourceType")
        if not URN.match(fu):
            bad.append("entry %d: fullUrl %r is not urn:uuid" % (i, fu))
        if fu in urls:
            bad.append("entry %d: fullUrl repeated" % i)
        urls[fu] = t
        idn = (res.get("identifier") or [{}])[0]
        want_sys = "http://sys-ids.kemkes.go.id/%s/%s" % (ID_KIND.get(t, str(t).lower()), ORG)
        if idn.get("system") != want_sys or not idn.get("value"):
            bad.append("entry %d: identifier system must be %s" % (i, want_sys))
        if req.get("method") == "POST":
            if req.get("url") != t:
                bad.append("entry %d: POST url %r" % (i, req.get("url")))
            if req.get("ifNoneExist") != "identifier=%s|%s" % (idn.get("system"), idn.get("value")):
                bad.append("entry %d: POST not conditional on its identifier" % i)
        elif req.get("method") == "PUT":
            rid = res.get("id")
            if req.get("url") != "%s/%s" % (t, rid) or rid not in state["store"].get(t, {}):
                bad.append("entry %d: PUT of unknown %s/%s" % (i, t, rid))
        else:
            bad.append("entry %d: method %r" % (i, req.get("method")))

    def ref_ok(kind, ref, where):
        r = (ref or {}).get("reference", "")
        if r.startswith("urn:uuid:"):
            if urls.get(r) != kind:
                bad.append("%s: %s does not resolve to a %s in the bundle" % (where, r, kind))
            return
        t, _, rid = r.partition("/")
        if t != kind:
            bad.append("%s: reference %r is not a %s" % (where, r, kind))
        elif t == "Patient" and not (rid.startswith("P") and ihs("Patient", rid[1:]) == rid):
            bad.append("%s: unknown patient %s" % (where, r))
        elif t == "Practitioner" and not (rid.startswith("N") and ihs("Practitioner", rid[1:]) == rid):
            bad.append("%s: unknown practitioner %s" % (where, r))
        elif t == "Location" and rid not in state["store"]["Location"]:
            bad.append("%s: unknown location %s" % (where, r))
        elif t == "Organization" and rid != ORG:
            bad.append("%s: organization %s is not %s" % (where, rid, ORG))
        elif t in state["store"] and rid not in state["store"][t]:
            bad.append("%s: %s does not exist" % (where, r))

    def times(k, v, path):
        if k in TIME_KEYS and isinstance(v, str) and not TIME.match(v):
            bad.append("%s: time %r is not UTC with +00:00" % (path, v))
    walk(b, times)

    for i, e in enumerate(entries):
        res, w = e.get("resource", {}), "entry %d" % i
        t = res.get("resourceType")
        if t == "Encounter":
            if res.get("status") not in ("finished", "entered-in-error"):
                bad.append(w + ": status " + str(res.get("status")))
            c = res.get("class", {})
            if c.get("system") != "http://terminology.hl7.org/CodeSystem/v3-ActCode" or c.get("code") not in ("AMB", "EMER", "IMP"):
                bad.append(w + ": class")
            ref_ok("Patient", res.get("subject"), w + ".subject")
            part = (res.get("participant") or [{}])[0]
            if code_of((part.get("type") or [{}])[0]).get("code") != "ATND":
                bad.append(w + ": participant is not ATND")
            ref_ok("Practitioner", part.get("individual"), w + ".participant")
            p = res.get("period", {})
            if not (p.get("start", "") < p.get("end", "")):
                bad.append(w + ": period end is not after start")
            hist = [h.get("status") for h in res.get("statusHistory", [])]
            if hist != ["arrived", "in-progress", "finished"]:
                bad.append(w + ": statusHistory " + str(hist))
            for h in res.get("statusHistory", []):
                if h.get("period", {}).get("start", "") > h.get("period", {}).get("end", ""):
                    bad.append(w + ": statusHistory period backwards")
            ref_ok("Location", (res.get("location") or [{}])[0].get("location"), w + ".location")
            for j, d in enumerate(res.get("diagnosis", [])):
                ref_ok("Condition", d.get("condition"), "%s.diagnosis[%d]" % (w, j))
                if code_of(d.get("use")).get("code") != "DD" or d.get("rank") != j + 1:
                    bad.append("%s.diagnosis[%d]: use DD and rank %d" % (w, j, j + 1))
            ref_ok("Organization", res.get("serviceProvider"), w + ".serviceProvider")
        elif t == "Condition":
            erroneous = code_of(res.get("verificationStatus")).get("code") == "entered-in-error"
            if not erroneous and code_of(res.get("clinicalStatus")).get("code") != "active":
                bad.append(w + ": clinicalStatus")
            if code_of((res.get("category") or [{}])[0]).get("code") != "encounter-diagnosis":
                bad.append(w + ": category")
            c = code_of(res.get("code"))
            if c.get("system") != "http://hl7.org/fhir/sid/icd-10" or not re.match(r"^[A-Z]\d\d", c.get("code", "")) or not c.get("display"):
                bad.append(w + ": ICD-10 coding")
            ref_ok("Patient", res.get("subject"), w + ".subject")
            ref_ok("Encounter", res.get("encounter"), w + ".encounter")
            if "recordedDate" not in res:
                bad.append(w + ": recordedDate")
        elif t == "Observation":
            if res.get("status") != "final":
                bad.append(w + ": status")
            if code_of((res.get("category") or [{}])[0]).get("code") != "vital-signs":
                bad.append(w + ": category")
            c, q = code_of(res.get("code")), res.get("valueQuantity", {})
            if c.get("system") != "http://loinc.org" or c.get("code") not in VITALS:
                bad.append(w + ": LOINC code %r" % c.get("code"))
            elif q.get("system") != "http://unitsofmeasure.org" or q.get("code") not in VITALS[c["code"]] or q.get("unit") != q.get("code"):
                bad.append(w + ": UCUM unit %r for %s" % (q.get("code"), c["code"]))
            if not isinstance(q.get("value"), (int, float)):
                bad.append(w + ": value")
            ref_ok("Patient", res.get("subject"), w + ".subject")
            ref_ok("Encounter", res.get("encounter"), w + ".encounter")
            ref_ok("Practitioner", (res.get("performer") or [{}])[0], w + ".performer")
        elif t in RECORD:
            bad.extend(check_record(res, w, ref_ok))
        else:
            bad.append(w + ": resource " + str(t))
    return bad


def check_medication(res, w):
    """The drug contained as SATUSEHAT wants it, referred to by #id."""
    bad = []
    meds = [c for c in res.get("contained", []) if c.get("resourceType") == "Medication"]
    if len(meds) != 1 or res.get("medicationReference", {}).get("reference") != "#" + str(meds[0].get("id")):
        return [w + ": one contained Medication, referred to by #id"]
    m, c = meds[0], code_of(meds[0].get("code"))
    if c.get("system") != KFA or not re.match(r"^\d{3,30}$", c.get("code", "")) or not c.get("display"):
        bad.append(w + ": Medication code is not KFA")
    ext = [e for e in m.get("extension", [])
           if e.get("url") == "https://fhir.kemkes.go.id/r4/StructureDefinition/MedicationType"]
    t = code_of((ext or [{}])[0].get("valueCodeableConcept"))
    if t.get("system") != "http://terminology.kemkes.go.id/CodeSystem/medication-type" or t.get("code") not in ("NC", "SD", "EP"):
        bad.append(w + ": MedicationType extension")
    return bad


def second_ids(res, w, kinds):
    """The identifiers a prescription's resources carry after their own."""
    have = [i.get("system") for i in res.get("identifier", [])[1:]]
    want = ["http://sys-ids.kemkes.go.id/%s/%s" % (k, ORG) for k in kinds]
    return [] if have == want else [w + ": identifiers %r, want %r" % (have, want)]


def check_record(res, w, ref_ok):
    """The rules of the resources beyond the Encounter's, as words."""
    t, bad = res["resourceType"], []
    wrong = res.get("status") == "entered-in-error"
    if t == "AllergyIntolerance":
        ver = code_of(res.get("verificationStatus")).get("code")
        wrong = ver == "entered-in-error"
        if ver not in ("confirmed", "entered-in-error"):
            bad.append(w + ": verificationStatus")
        if not wrong and code_of(res.get("clinicalStatus")).get("code") not in ("active", "resolved"):
            bad.append(w + ": clinicalStatus")
        if wrong and "clinicalStatus" in res:
            bad.append(w + ": clinicalStatus on an allergy entered in error")
        if not wrong and res.get("category") not in (["food"], ["environment"], ["medication"]):
            bad.append(w + ": category")
        c = code_of(res.get("code"))
        if c.get("system") not in (KFA, SNOMED) or not c.get("code"):
            bad.append(w + ": code is neither KFA nor SNOMED CT")
        if not wrong and (c.get("system") == KFA) != (res.get("category") == ["medication"]):
            bad.append(w + ": a drug allergy is named by KFA, another by SNOMED CT")
        ref_ok("Patient", res.get("patient"), w + ".patient")
        ref_ok("Encounter", res.get("encounter"), w + ".encounter")
        ref_ok("Practitioner", res.get("recorder"), w + ".recorder")
        if "recordedDate" not in res:
            bad.append(w + ": recordedDate")
        return bad
    if t == "Immunization":
        if res.get("status") not in ("completed", "entered-in-error"):
            bad.append(w + ": status")
        c = code_of(res.get("vaccineCode"))
        if c.get("system") != KFA or not c.get("code"):
            bad.append(w + ": vaccineCode is not KFA")
        ref_ok("Patient", res.get("patient"), w + ".patient")
        ref_ok("Encounter", res.get("encounter"), w + ".encounter")
        ref_ok("Practitioner", (res.get("performer") or [{}])[0].get("actor"), w + ".performer")
        if res.get("primarySource") is not True or "occurrenceDateTime" not in res:
            bad.append(w + ": primarySource and occurrenceDateTime")
        if "lotNumber" in res and (not isinstance(res["lotNumber"], str) or not res["lotNumber"].strip()):
            bad.append(w + ": lotNumber is not a string")
        if not wrong:
            r = code_of((res.get("reasonCode") or [{}])[0])
            if r.get("system") != "http://terminology.kemkes.go.id/CodeSystem/immunization-reason" or not r.get("code"):
                bad.append(w + ": reasonCode")
            dose = (res.get("protocolApplied") or [{}])[0].get("doseNumberPositiveInt")
            if not isinstance(dose, int) or dose < 1:
                bad.append(w + ": protocolApplied.doseNumberPositiveInt")
        return bad
    ref_ok("Patient", res.get("subject"), w + ".subject")
    if t == "MedicationRequest":
        if res.get("status") not in ("active", "completed", "cancelled", "entered-in-error"):
            bad.append(w + ": status")
        if res.get("intent") != "order" or code_of((res.get("category") or [{}])[0]).get("code") != "outpatient":
            bad.append(w + ": intent order, category outpatient")
        bad += check_medication(res, w) + second_ids(res, w, ["prescription"])
        ref_ok("Encounter", res.get("encounter"), w + ".encounter")
        ref_ok("Practitioner", res.get("requester"), w + ".requester")
        if "authoredOn" not in res:
            bad.append(w + ": authoredOn")
        q = res.get("dispenseRequest", {}).get("quantity", {})
        if not wrong and (not isinstance(q.get("value"), int) or q["value"] < 1 or not q.get("unit")):
            bad.append(w + ": dispenseRequest.quantity with its unit")
    elif t == "MedicationDispense":
        if res.get("status") not in ("completed", "entered-in-error"):
            bad.append(w + ": status")
        bad += check_medication(res, w) + second_ids(res, w, ["prescription", "prescription-item"])
        ref_ok("Encounter", res.get("context"), w + ".context")
        ref_ok("Practitioner", (res.get("performer") or [{}])[0].get("actor"), w + ".performer")
        ref_ok("Location", res.get("location"), w + ".location")
        ref_ok("MedicationRequest", (res.get("authorizingPrescription") or [{}])[0], w + ".authorizingPrescription")
        q = res.get("quantity", {})
        if not wrong and (not isinstance(q.get("value"), int) or q["value"] < 1 or not q.get("unit")):
            bad.append(w + ": quantity with its unit")
        if not (res.get("whenPrepared") and res.get("whenHandedOver")):
            bad.append(w + ": whenPrepared, whenHandedOver")
    elif t == "Procedure":
        if res.get("status") not in ("completed", "entered-in-error"):
            bad.append(w + ": status")
        c = code_of(res.get("code"))
        if c.get("system") != "http://hl7.org/fhir/sid/icd-9-cm" or not re.match(r"^\d\d", c.get("code", "")):
            bad.append(w + ": ICD-9-CM coding")
        ref_ok("Encounter", res.get("encounter"), w + ".encounter")
        ref_ok("Practitioner", (res.get("performer") or [{}])[0].get("actor"), w + ".performer")
        p = res.get("performedPeriod", {})
        if not (p.get("start", "") < p.get("end", "")):
            bad.append(w + ": performedPeriod")
    elif t == "ServiceRequest":
        if res.get("status") not in ("active", "entered-in-error") or res.get("intent") != "original-order":
            bad.append(w + ": status, intent original-order")
        for k, cc in (("category", (res.get("category") or [{}])[0]), ("code", res.get("code"))):
            if code_of(cc).get("system") != SNOMED or code_of(cc).get("code") != "3457005":
                bad.append(w + ": %s is not SNOMED CT 3457005" % k)
        ref_ok("Encounter", res.get("encounter"), w + ".encounter")
        ref_ok("Practitioner", res.get("requester"), w + ".requester")
        r = code_of((res.get("reasonCode") or [{}])[0])
        if not wrong and r and r.get("system") != "http://hl7.org/fhir/sid/icd-10":
            bad.append(w + ": reasonCode is not ICD-10")
        if "authoredOn" not in res:
            bad.append(w + ": authoredOn")
    return bad


def find(t, ident):
    """The id of a stored resource with this identifier (system|value)."""
    for rid, r in state["store"][t].items():
        i = (r.get("identifier") or [{}])[0]
        if "%s|%s" % (i.get("system"), i.get("value")) == ident:
            return rid
    return None


def apply_bundle(b):
    """Store a checked Bundle; the transaction-response. A conditional POST
    whose identifier exists creates nothing (FHIR ifNoneExist)."""
    ids, out, kept = {}, [], set()
    for e in b["entry"]:
        res, req = e["resource"], e["request"]
        if req["method"] == "POST":
            have = find(res["resourceType"], req["ifNoneExist"].removeprefix("identifier="))
            if have:
                kept.add(e["fullUrl"])
            ids[e["fullUrl"]] = "%s/%s" % (res["resourceType"], have or uuid.uuid4())
        else:
            ids[e["fullUrl"]] = "%s/%s" % (res["resourceType"], res["id"])

    def resolve(node):
        if isinstance(node, dict):
            return {k: (ids.get(v, v) if k == "reference" else resolve(v)) for k, v in node.items()}
        if isinstance(node, list):
            return [resolve(v) for v in node]
        return node
    for e in b["entry"]:
        t, rid = ids[e["fullUrl"]].split("/")
        if e["fullUrl"] in kept:
            state["kept"] += 1
            out.append({"response": {"status": "200 OK", "location": "%s/%s/_history/1" % (t, rid),
                                     "resourceID": rid, "resourceType": t}})
            continue
        res = resolve(e["resource"])
        res["id"] = rid
        store = state["store"][t]
        if e["request"]["method"] == "POST":
            state["posted"][t] += 1
            if t == "Encounter" or t in RECORD:
                v = res["identifier"][0]["value"]
                if any(x["identifier"][0]["value"] == v for x in store.values()):
                    state["violations"].append("%s %s created twice" % (t, v))
            elif t in ("Condition", "Observation"):
                code = res["code"]["coding"][0]["code"]
                enc = res["encounter"]["reference"]
                if any(x["encounter"]["reference"] == enc and x["code"]["coding"][0]["code"] == code for x in store.values()):
                    state["violations"].append("%s %s of %s created twice" % (t, code, enc))
        else:
            state["puts"] += 1
        store[rid] = res
        out.append({"response": {"status": "201 Created" if e["request"]["method"] == "POST" else "200 OK",
                                 "location": "%s/%s/_history/1" % (t, rid), "resourceID": rid, "resourceType": t}})
    return {"resourceType": "Bundle", "type": "transaction-response", "entry": out}


def outcome(words):
    return {"resourceType": "OperationOutcome",
            "issue": [{"severity": "error", "code": "invalid", "diagnostics": w} for w in words]}


class Handler(FakeHandler):
    def authorized(self):
        if self.headers.get("X-Injected"):
            with lock:
                state["injected"] += 1
        tok = (self.headers.get("Authorization") or "").removeprefix("Bearer ")
        if take_fault({"expire"}):
            with lock:
                state["tokens"] = {}
        with lock:
            ok = state["tokens"].get(tok, 0) > time.time()
        if not ok:
            self.answer(401, outcome(["token expired or unknown"]))
        return ok

    def do_GET(self):
        if self.path == "/_state":
            with lock:
                return self.answer(200, state)
        if self.refused(state) or not self.authorized():
            return
        self.late(state)
        u = urllib.parse.urlparse(self.path)
        q = urllib.parse.parse_qs(u.query)
        kind = u.path.rsplit("/", 1)[-1]
        found = []
        bad_search = kind == "Patient" and take_fault({"badsearch"})
        with lock:
            if kind in ("Patient", "Practitioner"):
                sys_, _, nik = q.get("identifier", [""])[0].partition("|")
                if sys_ == NIK_SYS and ihs(kind, nik):
                    found = [{"resourceType": kind, "id": ihs(kind, nik)}]
                if bad_search:
                    found = [{"resourceType": kind, "name": [{"text": "tanpa id"}]}]
            elif kind == "Encounter" or kind in RECORD:
                sys_, _, v = q.get("identifier", [""])[0].partition("|")
                found = [r for r in state["store"]["Encounter"].values()
                         if r["identifier"][0]["system"] == sys_ and r["identifier"][0]["value"] == v]
            elif kind in ("Condition", "Observation"):
                enc = q.get("encounter", [""])[0]
                found = [r for r in state["store"][kind].values() if r["encounter"]["reference"] == enc]
        self.answer(200, {"resourceType": "Bundle", "type": "searchset", "total": len(found),
                          "entry": [{"resource": r} for r in found]})

    def do_POST(self):
        text = self.body()
        if self.path == "/_fault":
            set_fault(state, text)
            return self.answer(200, {})
        if self.refused(state):
            return
        if self.path.endswith("/accesstoken?grant_type=client_credentials"):
            form = urllib.parse.parse_qs(text)
            state["token_requests"] += 1
            if form.get("client_id") != [CLIENT_ID] or form.get("client_secret") != [SECRET]:
                return self.answer(401, {"error": "invalid_client"})
            tok = uuid.uuid4().hex
            with lock:
                state["tokens"][tok] = time.time() + 3599
            mode = take_fault({"token_crlf", "token_expires_huge"})
            return self.answer(200, {"access_token": tok + ("\r\nX-Injected: 1" if mode == "token_crlf" else ""),
                                     "expires_in": 9223372036854775807 if mode == "token_expires_huge" else "3599",
                                     "token_type": "BearerToken"})
        if not self.authorized():
            return
        if self.path.endswith("/Location"):
            res = json.loads(text)
            cond = urllib.parse.unquote(self.headers.get("If-None-Exist") or "").removeprefix("identifier=")
            with lock:	# conditional: two workers asking at once make one
                have = [r for r in state["store"]["Location"].values() if r.get("identifier") and
                        "%s|%s" % (r["identifier"][0]["system"], r["identifier"][0]["value"]) == cond]
                if not have:
                    res["id"] = "L-" + uuid.uuid4().hex[:8]
                    state["store"]["Location"][res["id"]] = res
            return self.answer(200, have[0]) if have else self.answer(201, res)
        self.late(state)
        with lock:
            state["bundle_posts"] += 1
        mode = take_fault({"500", "hang", "reject", "lost", "garbled"})
        if mode == "500":
            return self.answer(500, outcome(["internal error"]))
        if mode == "reject":
            return self.answer(400, outcome(["Encounter.period.start: tanggal di luar rentang yang diizinkan"]))
        if mode == "hang":
            time.sleep(3)
        if state["slow"]:
            time.sleep(random.random() * 0.3)
        b = json.loads(text)
        with lock:
            bad = check_bundle(b)
            if bad:
                state["violations"].extend(bad)
                return self.answer(400, outcome(bad))
            state["bundles"] += 1
            resp = apply_bundle(b)
        if mode == "lost":
            self.close_connection = True
            return self.connection.shutdown(2)
        if mode == "garbled":
            return self.answer(200, "<html>Gateway</html>")
        self.answer(200, resp)


for loc in ("LOK-K3",):	# a Location set in the configuration
    state["store"]["Location"][loc] = {"resourceType": "Location", "id": loc}
serve(Handler, DIR, "port")
