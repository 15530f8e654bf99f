# oxus - a plain Makefile: `make`, `make check`, `make install`.
# Everything built goes under build/; nothing is generated in the source tree.

PREFIX ?= /usr/local
DESTDIR ?=
BINDIR = $(PREFIX)/bin
DATADIR = $(PREFIX)/share/oxus
MANDIR = $(PREFIX)/share/man/man1

CC ?= cc
PKGS = libxml-2.0 libxslt libexslt
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
WARN = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CFLAGS ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) $(CFLAGS) $(PKG_CFLAGS) \
             -DOXUS_DATADIR='"$(DATADIR)"'
LIBS = $(PKG_LIBS) -lpthread -lm

BUILD ?= build
# The library, in pipeline order; the CLI on top.
LIB_SRC = src/error.c src/util.c src/diag.c src/read.c src/decode.c src/parse.c \
          src/context.c src/document.c src/validate.c src/rules.c src/dates.c src/dateparse.c \
          src/normalize.c src/transform.c src/extensions.c src/encode.c src/write.c src/batch.c \
          src/sha256.c src/import.c src/import_text.c src/import_html.c src/import_labels.c \
          src/import_struct.c src/import_refs.c src/import_write.c
CLI_SRC = src/main.c src/inputs.c src/report.c src/merge.c
LIB_OBJ = $(LIB_SRC:src/%.c=$(BUILD)/%.o)
CLI_OBJ = $(CLI_SRC:src/%.c=$(BUILD)/%.o)

.PHONY: all check test sanitize valgrind install uninstall deps clean bench fuzz run-samples

all: $(BUILD)/oxus

$(BUILD)/%.o: src/%.c src/oxus.h src/internal.h src/cli.h src/dates.h | $(BUILD)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(filter $(BUILD)/import%.o,$(LIB_OBJ)): src/import.h

$(BUILD):
	mkdir -p $(BUILD)

$(BUILD)/liboxus.a: $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $(LIB_OBJ)

$(BUILD)/oxus: $(CLI_OBJ) $(BUILD)/liboxus.a
	$(CC) $(ALL_CFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/liboxus.a $(LIBS)

$(BUILD)/test_dates: tests/unit/test_dates.c $(BUILD)/liboxus.a
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(BUILD)/liboxus.a $(LIBS)

# The whole suite; its last line is "N passed, N failed, N skipped".
check: $(BUILD)/oxus $(BUILD)/test_dates
	BUILD=$(BUILD) tests/run.sh

test: check

# The same suite under AddressSanitizer + UndefinedBehaviorSanitizer.
sanitize:
	$(MAKE) BUILD=build/sanitize CC=clang CFLAGS='-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all' check

# valgrind memcheck over the samples and the hostile suite.
valgrind: $(BUILD)/oxus
	tests/valgrind.sh $(BUILD)/oxus

run-samples: $(BUILD)/oxus
	$(BUILD)/oxus validate samples/
	$(BUILD)/oxus convert --to tei,jats,text -o $(BUILD)/samples-out --force samples/

bench: $(BUILD)/oxus
	tests/bench/bench.sh $(BUILD)/oxus

fuzz:
	tests/fuzz/run.sh $(or $(SECONDS_PER_FUZZER),60)

# Debian packages the build, the tests and the benchmark need; installed
# only when missing.
DEB_PKGS = build-essential pkg-config libxml2-dev libxslt1-dev libxml2-utils xsltproc \
           jing valgrind clang libclang-rt-14-dev python3 time parallel groff-base
deps:
	@missing=""; for p in $(DEB_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	command -v npm >/dev/null 2>&1 || missing="$$missing nodejs npm"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

install: $(BUILD)/oxus
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/schema $(DESTDIR)$(DATADIR)/transforms $(DESTDIR)$(MANDIR)
	install -m 755 $(BUILD)/oxus $(DESTDIR)$(BINDIR)/oxus
	install -m 644 schema/*.xsd $(DESTDIR)$(DATADIR)/schema/
	install -m 644 transforms/*.xsl $(DESTDIR)$(DATADIR)/transforms/
	install -m 644 src/oxus.1 $(DESTDIR)$(MANDIR)/oxus.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/oxus $(DESTDIR)$(MANDIR)/oxus.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build
