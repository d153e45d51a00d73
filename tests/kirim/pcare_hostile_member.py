#!/usr/bin/env python3
"""A P-Care whose every card look-up answers a member whose words carry
terminal controls (ESC sequences, CR/LF, a bidi override), encrypted as the
real one does; for pcare_peserta_escaped.sh. pcare_server.py plays the rest.

  pcare_hostile_member.py DIR CONS_ID SECRET   (writes DIR/hostile_port)"""
import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fake import Handler, serve
from pcare_wire import encrypt_response

DIR, CONS, SECRET = sys.argv[1:4]
HOSTILE = "\x1b[2J\x1b]0;x\x07A\r\nB\u202eC"


class Hostile(Handler):
    def do_GET(self):
        card = self.path.rstrip("/").rsplit("/", 1)[-1]
        member = {"noKartu": card, "nama": "SRI " + HOSTILE, "aktif": True, "ketAktif": HOSTILE,
                  "kdProviderPst": {"kdProvider": "0114A026", "nmProvider": HOSTILE},
                  "jnsKelas": {"nama": "KELAS III"}, "jnsPeserta": {"nama": HOSTILE}}
        stamp = self.headers.get("X-timestamp") or ""
        self.answer(200, {"metaData": {"message": "OK", "code": 200},
                          "response": encrypt_response(json.dumps(member), CONS, SECRET, stamp)})


serve(Hostile, DIR, "hostile_port")
