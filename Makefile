# pkm: one GNU Makefile, no autotools (see the tig/nnn style in the guide).
# make run | make test | make asan | make install PREFIX=...
CC       ?= cc
PREFIX   ?= /usr/local
BUILD    ?= build/default
DEB_PKGS := libncurses-dev libsqlite3-dev libiniparser-dev libcmocka-dev libcrypt-dev libssl-dev libcurl4-openssl-dev \
            libjansson-dev python3 tmux pkg-config sqlite3 groff-base \
            clang libclang-rt-14-dev

CFLAGS   ?= -O2 -g
CFLAGS   += -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wformat=2 -Wno-format-nonliteral
CPPFLAGS += -Iinclude -I/usr/include/iniparser -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE \
            -DNCURSES_WIDECHAR=1 -DPKM_VERSION='"$(VERSION)"' -DPKM_FORMS_DIR='"$(CURDIR)/forms"'
LDLIBS   += -lsqlite3 -liniparser -lcrypt
UI_LIBS  := -lncursesw -ltinfo
VERSION  := 0.1.0

# Fuzz builds: clang's libFuzzer needs the core compiled with coverage too.
ifeq ($(FUZZ),1)
CFLAGS   += -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
endif

# The sender's threads under ThreadSanitizer (tests/kirim/threads_tsan.sh).
ifeq ($(TSAN),1)
CFLAGS   += -O1 -fsanitize=thread -fno-omit-frame-pointer
LDFLAGS  += -fsanitize=thread
endif

ifeq ($(SAN),1)
CFLAGS   += -O1 -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS  += -fsanitize=address,undefined
endif

UI_SRC   := $(wildcard src/ui*.c)
# The senders' network code: linked into pkm-kirim (and its tests) only.
NET_SRC  := src/http.c src/fhir.c src/fhir_load.c src/fhir_rekam.c src/fhir_rekam_load.c src/satusehat.c src/lzstring.c src/pcare_crypto.c \
            src/pcare_load.c src/pcare_json.c src/pcare.c src/secret.c src/dhis2.c src/kirim_dhis2.c
NET_OBJ  := $(NET_SRC:src/%.c=$(BUILD)/%.o)
NET_LIBS := -lcurl -ljansson -lcrypto -lm
CORE_SRC := $(filter-out src/main.c src/kirim_main.c $(UI_SRC) $(NET_SRC),$(wildcard src/*.c))
CORE_OBJ := $(CORE_SRC:src/%.c=$(BUILD)/%.o) $(BUILD)/migrations.o
UI_OBJ   := $(UI_SRC:src/%.c=$(BUILD)/%.o)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%) $(BUILD)/tests/registrar

FUZZ_TARGETS := csv form config ident trail peta
FUZZ_BIN := $(FUZZ_TARGETS:%=build/fuzz/tests/fuzz_%)

.PHONY: all deps run test asan demo bench fuzz fuzz-bins install clean
all: $(BUILD)/pkm $(BUILD)/pkm-kirim

# Install the Debian packages we build and test with, when any is missing.
deps:
	@missing=""; for p in $(DEB_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" != 0 ]; then \
	    echo "pkm needs these Debian packages:$$missing" >&2; \
	    echo "Install them as root: sudo apt-get install$$missing" >&2; exit 1; \
	  fi; \
	  echo "Installing:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null || exit 1; \
	fi

$(BUILD)/pkm: $(BUILD)/main.o $(UI_OBJ) $(CORE_OBJ)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS) $(UI_LIBS)

$(BUILD)/pkm-kirim: $(BUILD)/kirim_main.o $(NET_OBJ) $(CORE_OBJ)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS) $(NET_LIBS)

$(BUILD)/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

# SQL migrations are compiled into the binary (tig's builtin-config trick).
$(BUILD)/migrations.c: $(sort $(wildcard db/*.sql)) src/embed.sh
	@mkdir -p $(@D)
	sh src/embed.sh $(sort $(wildcard db/*.sql)) > $@

$(BUILD)/migrations.o: $(BUILD)/migrations.c
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/tests/registrar: tests/stress/registrar.c $(CORE_OBJ)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(CORE_OBJ) $(LDLIBS)

NET_TESTS := $(BUILD)/tests/test_fhir $(BUILD)/tests/test_pcare $(BUILD)/tests/test_dhis2
$(NET_TESTS): $(BUILD)/tests/%: tests/unit/%.c tests/unit/net_test.h $(NET_OBJ) $(CORE_OBJ)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(NET_OBJ) $(CORE_OBJ) $(LDLIBS) $(NET_LIBS) -lcmocka

$(BUILD)/tests/%: tests/unit/%.c tests/unit/trail.h tests/unit/fixture.h $(CORE_OBJ)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(CORE_OBJ) $(LDLIBS) -lcmocka

build/fuzz/tests/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(CORE_OBJ)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -fsanitize=fuzzer,address,undefined -o $@ $< $(CORE_OBJ) $(LDLIBS)

fuzz-bins: $(FUZZ_BIN)

# Five minutes a target, from the kept corpus; findings land in build/fuzz/found
# (copy a crash into tests/fuzz/crashes/TARGET/ to keep it as a regression test).
fuzz: deps
	@$(MAKE) --no-print-directory BUILD=build/fuzz CC=clang FUZZ=1 fuzz-bins
	@sh tests/fuzz/run.sh build/fuzz 300

run: deps all
	$(BUILD)/pkm

test: deps
	@mkdir -p $(BUILD)
	@$(MAKE) --no-print-directory all $(UNIT_BIN) >$(BUILD)/make.log 2>&1 || { cat $(BUILD)/make.log; echo "0 passed, 1 failed"; exit 1; }
	@$(MAKE) --no-print-directory BUILD=build/fuzz CC=clang FUZZ=1 SAN= fuzz-bins >>$(BUILD)/make.log 2>&1 || { cat $(BUILD)/make.log; echo "0 passed, 1 failed"; exit 1; }
	@$(MAKE) --no-print-directory BUILD=build/tsan TSAN=1 SAN= all >>$(BUILD)/make.log 2>&1 || { cat $(BUILD)/make.log; echo "0 passed, 1 failed"; exit 1; }
	@if grep -q 'warning:' $(BUILD)/make.log; then grep 'warning:' $(BUILD)/make.log; echo "0 passed, 1 failed"; exit 1; fi
	@sh tests/run.sh $(BUILD)

# A demo database (one year of a busy puskesmas) to look around in.
demo: deps all
	@rm -f build/demo.db build/demo.db-wal build/demo.db-shm
	$(BUILD)/pkm demo --db build/demo.db --years 1
	@echo "Buka dengan: $(BUILD)/pkm --db build/demo.db"

$(BUILD)/tests/bench: tests/bench/bench.c $(CORE_OBJ)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(CORE_OBJ) $(LDLIBS)

# Figures for 1 and 5 years of demo data (minutes; never part of make test).
bench: deps all $(BUILD)/tests/bench
	@sh tests/bench/run.sh $(BUILD)

asan:
	@$(MAKE) --no-print-directory BUILD=build/asan SAN=1 test

install: all
	install -D -m 755 $(BUILD)/pkm $(DESTDIR)$(PREFIX)/bin/pkm
	install -D -m 755 $(BUILD)/pkm-kirim $(DESTDIR)$(PREFIX)/bin/pkm-kirim
	install -D -m 644 src/pkm.1 $(DESTDIR)$(PREFIX)/share/man/man1/pkm.1

clean:
	rm -rf build

-include $(wildcard $(BUILD)/*.d)
