#!/usr/bin/env python3
"""Plays BPJS P-Care for pkm's tests, on 127.0.0.1 only: card look-up,
pendaftaran, kunjungan (POST, PUT, DELETE), drugs and procedures, and the
lists a sender reads to find what it already sent. Every request's
signature, timestamp and authorization are checked; answers carry metaData
and an encrypted, LZ-string-compressed `response` as the real one does.
What was accepted is kept, and every rule broken (a duplicate registration,
visit, drug or procedure among them) recorded, so a test can ask.

  pcare_server.py DIR CONS_ID SECRET USER PASSWORD USER_KEY KD_PROVIDER
  (writes DIR/port once listening)

Cards: 13 digits; 0009... is not active, 0008... is registered at another
FKTP, 9999... is unknown; a NIK's card is 0001 and the NIK's last 9 digits.
Faults, by POST /_fault {"mode", "count", "path"} (path: only requests
starting so, e.g. "POST pendaftaran"): 500 (HTTP 500), hang (processed,
answered after 3 s), late (processed, answered after 0.8 s), refuse
(connection dropped), 412 (metaData code 412), slow (0-0.3 s a request, for
kill -9 at random moments). Hostile answers to a request that was processed
(P-Care did the work): b64 (`response` not base64), padding (fails AES
padding), html (an HTML page with HTTP 200), nofield (no noUrut/noKunjungan),
huge (a 100 MB body), lost (the connection closed before any answer),
badid (noUrut of 200 digits, noKunjungan "../kunjungan/<another>"), done412
(made, then answered 412 "Peserta sudah terdaftar", as a resent request is).
GET /_state gives what was accepted and every rule broken."""
import base64, json, os, random, re, sys, time, urllib.parse
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fake import Handler as FakeHandler, lock, serve, set_fault, take_fault as take
from pcare_wire import encrypt_response, signature

DIR, CONS, SECRET, USER, PASSWORD, USER_KEY, PROVIDER = sys.argv[1:8]
AUTH = "Basic " + base64.b64encode(("%s:%s:095" % (USER, PASSWORD)).encode()).decode()
DATE = re.compile(r"^\d\d-\d\d-\d{4}$")
ICD = re.compile(r"^[A-Z]\d\d(\.\d{1,2})?$")

state = {"pendaftaran": {}, "kunjungan": {}, "obat": {}, "tindakan": {}, "deleted": [], "violations": [],
         "puts": 0, "lookups": 0, "requests": 0, "faults": [], "slow": False, "seq": 0}


def member(card):
    if card.startswith("9999"):
        return None
    other = card.startswith("0008")
    return {"noKartu": card, "nama": "PESERTA " + card[-4:], "hubunganKeluarga": "Peserta", "sex": "P",
            "tglLahir": "01-01-1990", "aktif": not card.startswith("0009"),
            "ketAktif": "KARTU TIDAK AKTIF: PREMI BELUM DIBAYAR" if card.startswith("0009") else "AKTIF",
            "kdProviderPst": {"kdProvider": "0999B001" if other else PROVIDER,
                              "nmProvider": "Klinik Lain" if other else "Puskesmas Uji"},
            "jnsKelas": {"nama": "KELAS III", "kode": "3"}, "jnsPeserta": {"nama": "PBI (APBN)", "kode": "21"}}


HOSTILE = {"b64", "padding", "html", "nofield", "huge", "lost", "badid"}


def take_fault(modes, where):
    return take(state, modes, where)


def next_no():
    state["seq"] += 1
    return state["seq"]


class Handler(FakeHandler):
    def send(self, status, code, message, response=None, stamp=None):
        obj = {"metaData": {"message": message, "code": code}, "response": None}
        if response is not None:
            obj["response"] = encrypt_response(json.dumps(response), CONS, SECRET, stamp)
        self.answer(status, obj)

    def checked(self):
        """The request's timestamp when its headers are right; else answered 401."""
        h = self.headers
        stamp = h.get("X-timestamp") or ""
        bad = []
        if h.get("X-cons-id") != CONS:
            bad.append("X-cons-id")
        if not stamp.isdigit() or abs(int(stamp) - time.time()) > 300:
            bad.append("X-timestamp")
        elif h.get("X-signature") != signature(CONS, SECRET, stamp):
            bad.append("X-signature")
        if h.get("X-authorization") != AUTH:
            bad.append("X-authorization")
        if h.get("user_key") != USER_KEY:
            bad.append("user_key")
        if self.command in ("POST", "PUT") and (h.get("Content-Type") or "") != "text/plain":
            bad.append("Content-Type not text/plain")
        if bad:
            with lock:
                state["violations"].append("%s %s: %s wrong" % (self.command, self.path, ", ".join(bad)))
            self.send(401, 401, "Unauthorized: " + ", ".join(bad))
            return None
        return stamp

    def handle_any(self):
        if self.path == "/_state":
            with lock:
                return self.answer(200, state)
        text = self.body()
        if self.path == "/_fault":
            set_fault(state, text)
            return self.answer(200, {})
        where = "%s %s" % (self.command, self.path.split("/pcare-rest/", 1)[-1])
        if self.refused(state, where):
            return
        stamp = self.checked()
        if stamp is None:
            return
        path = urllib.parse.urlparse(self.path).path.split("/pcare-rest/", 1)[-1].split("/")
        with lock:
            state["requests"] += 1
        if state["slow"]:
            time.sleep(random.random() * 0.3)
        writes = self.command != "GET"
        mode = take_fault({"500", "hang", "late", "412", "done412"} | HOSTILE, where) if writes or path[0] == "peserta" else None
        if mode == "500":
            return self.send(500, 500, "Internal Server Error")
        if mode == "412":
            return self.send(200, 412, "Kode poli tidak sesuai dengan data pendaftaran")
        body = json.loads(text) if text else None
        with lock:
            status, code, message, resp = self.route(path, body)
        if mode == "hang":
            time.sleep(3)
        if mode == "late":
            time.sleep(0.8)
        if mode == "done412":	# the registration made, answered as a resent request would be
            return self.send(200, 412, "Peserta sudah terdaftar di poli yang sama pada tanggal tersebut")
        if mode in HOSTILE:
            return self.hostile(mode, code, resp, stamp)
        self.send(200 if status < 500 else status, code, message, resp, stamp)

    def hostile(self, mode, code, resp, stamp):
        """The work is done; the answer is of no use to the sender."""
        if mode == "lost":
            self.close_connection = True
            return self.connection.shutdown(2)
        if mode == "html":
            body = b"<html><body><h1>Service Unavailable</h1></body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return self.wfile.write(body)
        if mode == "huge":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(100 << 20))
            self.end_headers()
            try:
                for _ in range(100):
                    self.wfile.write(b" " * (1 << 20))
            except OSError:
                pass
            self.close_connection = True
            return None
        if mode == "b64":
            return self.answer(200, {"metaData": {"message": "CREATED", "code": code}, "response": "%%%bukan base64%%%"})
        if mode == "padding":
            junk = base64.b64encode(bytes(range(48))).decode()
            return self.answer(200, {"metaData": {"message": "CREATED", "code": code}, "response": junk})
        if mode == "nofield":
            return self.send(200, code, "CREATED", {"field": "lain", "message": "x"}, stamp)
        # badid: the number P-Care made, spoilt
        other = [k for k in state["kunjungan"] if resp and k not in json.dumps(resp)]
        spoilt = "../kunjungan/" + (other[0] if other else "X") if "noKunjungan" in json.dumps(resp) else "9" * 200
        items = resp if isinstance(resp, list) else [resp]
        for r in items:
            if r.get("field") in ("noUrut", "noKunjungan", "kdObatSK", "kdTindakanSK"):
                r["message"] = spoilt
        return self.send(200, code, "CREATED", resp, stamp)

    do_GET = do_POST = do_PUT = do_DELETE = handle_any

    def violation(self, words):
        state["violations"].append(words)
        return 400, 412, words, None

    def route(self, p, b):
        s, m = state, self.command
        if m == "GET" and p[0] == "peserta":
            s["lookups"] += 1
            card = ("0001" + p[2][-9:]) if p[1] == "nik" else p[1]
            found = member(card)
            return (200, 200, "OK", found) if found else (200, 204, "Peserta tidak ditemukan", None)
        if m == "POST" and p == ["pendaftaran"]:
            who = member(b.get("noKartu", ""))
            if not who:
                return self.violation("pendaftaran: noKartu %r unknown" % b.get("noKartu"))
            if not who["aktif"]:
                return self.violation("pendaftaran of an inactive card %s" % b["noKartu"])
            if b.get("kdProviderPeserta") != who["kdProviderPst"]["kdProvider"]:
                return self.violation("pendaftaran: kdProviderPeserta %r" % b.get("kdProviderPeserta"))
            if not DATE.match(b.get("tglDaftar", "")) or not b.get("kdPoli") or b.get("kdTkp") not in ("10", "20", "50") \
                    or not isinstance(b.get("kunjSakit"), bool):
                return self.violation("pendaftaran: tglDaftar/kdPoli/kdTkp/kunjSakit wrong: %s" % json.dumps(b))
            for r in s["pendaftaran"].values():
                if (r["noKartu"], r["tglDaftar"], r["kdPoli"]) == (b["noKartu"], b["tglDaftar"], b["kdPoli"]):
                    return self.violation("duplicate pendaftaran %s %s" % (b["noKartu"], b["tglDaftar"]))
            no = "A%d" % next_no()
            s["pendaftaran"][no] = dict(b, noUrut=no)
            return 201, 201, "CREATED", {"field": "noUrut", "message": no}
        if m == "GET" and p[0] == "pendaftaran" and p[1] == "tglDaftar":
            rows = [{"noUrut": r["noUrut"], "tglDaftar": r["tglDaftar"], "peserta": {"noKartu": r["noKartu"]},
                     "poli": {"kdPoli": r["kdPoli"]}} for r in s["pendaftaran"].values() if r["tglDaftar"] == p[2]]
            return 200, 200, "OK", {"count": len(rows), "list": rows}
        if m == "DELETE" and p[0] == "pendaftaran" and len(p) == 9:
            r = s["pendaftaran"].get(p[6])
            if not r or (r["noKartu"], r["tglDaftar"], r["kdPoli"]) != (p[2], p[4], p[8]):
                return 200, 404, "Data pendaftaran tidak ditemukan", None
            if any(k["noKartu"] == r["noKartu"] and k["tglDaftar"] == r["tglDaftar"] for k in s["kunjungan"].values()):
                return self.violation("pendaftaran %s deleted while its kunjungan stands" % p[6])
            del s["pendaftaran"][p[6]]
            s["deleted"].append("pendaftaran " + p[6])
            return 200, 200, "OK", None
        if p[:2] == ["kunjungan", "v1"] and m in ("POST", "PUT"):
            return self.visit(b)
        if m == "DELETE" and p[0] == "kunjungan" and len(p) == 2:
            if p[1] not in s["kunjungan"]:
                return 200, 404, "Data kunjungan tidak ditemukan", None
            del s["kunjungan"][p[1]]
            for kind in ("obat", "tindakan"):
                s[kind] = {k: v for k, v in s[kind].items() if v["noKunjungan"] != p[1]}
            s["deleted"].append("kunjungan " + p[1])
            return 200, 200, "OK", None
        if m == "GET" and p[0] == "kunjungan" and p[1] == "peserta":
            rows = [{"noKunjungan": k, "tglKunjungan": v["tglDaftar"], "poli": {"kdPoli": v["kdPoli"]}}
                    for k, v in s["kunjungan"].items() if v["noKartu"] == p[2]]
            return 200, 200, "OK", {"count": len(rows), "list": rows}
        if p[0] in ("obat", "tindakan"):
            return self.detail(p, b)
        return self.violation("%s %s: no such service" % (m, "/".join(p)))

    def visit(self, b):
        s = state
        if not ICD.match(b.get("kdDiag1") or "") or not b.get("kdDokter") or not DATE.match(b.get("tglPulang", "")):
            return self.violation("kunjungan: kdDiag1/kdDokter/tglPulang wrong: %s" % json.dumps(b))
        if b.get("kdStatusPulang") == "4" and not b.get("rujukLanjut"):
            return self.violation("kunjungan: rujuk vertikal without rujukLanjut")
        reg = [r for r in s["pendaftaran"].values()
               if (r["noKartu"], r["tglDaftar"], r["kdPoli"]) == (b["noKartu"], b["tglDaftar"], b["kdPoli"])]
        if not reg:
            return self.violation("kunjungan without its pendaftaran: %s" % b.get("noKartu"))
        # statuspulang/rawatInap/true and /false: an inpatient is never "berobat jalan"
        allowed = ("0", "1", "2", "4", "6", "9") if reg[0]["kdTkp"] == "20" else ("3", "4", "6")
        if b.get("kdStatusPulang") not in allowed:
            return 200, 412, "kdStatusPulang %s tidak sesuai kdTkp %s" % (b.get("kdStatusPulang"), reg[0]["kdTkp"]), None
        if self.command == "PUT":
            if b.get("noKunjungan") not in s["kunjungan"]:
                return 200, 404, "Data kunjungan tidak ditemukan", None
            s["kunjungan"][b["noKunjungan"]] = b
            s["puts"] += 1
            return 200, 200, "OK", {"field": "noKunjungan", "message": b["noKunjungan"]}
        if b.get("noKunjungan"):
            return self.violation("POST kunjungan with a noKunjungan")
        for v in s["kunjungan"].values():
            if (v["noKartu"], v["tglDaftar"], v["kdPoli"]) == (b["noKartu"], b["tglDaftar"], b["kdPoli"]):
                return self.violation("duplicate kunjungan %s %s" % (b["noKartu"], b["tglDaftar"]))
        no = "0114U%08dY%06d" % (int(b["noKartu"][-8:]), next_no())
        s["kunjungan"][no] = dict(b, noKunjungan=no)
        return 201, 201, "CREATED", [{"field": "noKunjungan", "message": no}]

    def detail(self, p, b):
        s, m, kind = state, self.command, p[0]
        sk_name = "kdObatSK" if kind == "obat" else "kdTindakanSK"
        if m == "POST":
            if b.get("noKunjungan") not in s["kunjungan"]:
                return self.violation("%s for an unknown kunjungan %r" % (kind, b.get("noKunjungan")))
            key = (b["noKunjungan"], b.get("kdObat"), b.get("jmlObat")) if kind == "obat" else \
                (b["noKunjungan"], b.get("kdTindakan"))
            if kind == "obat" and (not b.get("kdObat") or not isinstance(b.get("jmlObat"), int) or b["jmlObat"] < 1):
                return self.violation("obat: kdObat/jmlObat wrong: %s" % json.dumps(b))
            for v in s[kind].values():
                if v["key"] == list(key):
                    return self.violation("duplicate %s %s" % (kind, json.dumps(key)))
            sk = next_no()
            s[kind][str(sk)] = dict(b, key=list(key), **{sk_name: sk})
            if kind == "obat":
                return 201, 201, "CREATED", [{"field": "kdObatSK", "message": str(sk)},
                                             {"field": "kdRacikan", "message": None}]
            return 201, 201, "CREATED", {"field": "kdTindakanSK", "message": str(sk)}
        if m == "DELETE" and len(p) == 4:
            if p[1] not in s[kind]:
                return 200, 404, "Data tidak ditemukan", None
            del s[kind][p[1]]
            s["deleted"].append("%s %s" % (kind, p[1]))
            return 200, 200, "OK", None
        if m == "GET" and len(p) == 3:
            rows = [v for v in s[kind].values() if v["noKunjungan"] == p[2]]
            if kind == "obat":
                rows = [{"kdObatSK": v["kdObatSK"], "obat": {"kdObat": v["kdObat"]}, "jmlObat": v["jmlObat"]}
                        for v in rows]
            else:
                rows = [{"kdTindakanSK": v["kdTindakanSK"], "kdTindakan": v["kdTindakan"]} for v in rows]
            return 200, 200, "OK", {"count": len(rows), "list": rows}
        return self.violation("%s %s: no such service" % (m, "/".join(p)))


serve(Handler, DIR, "pcare_port")
