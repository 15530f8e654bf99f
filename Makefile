# oxus - a plain Makefile: `make`, `make check`, `make install`.
# Everything built goes under build/; nothing is generated in the source tree.

# The version is written once, in src/oxus.h; the shared library's name and
# SONAME (liboxus.so.MAJOR), oxus.pc and the man pages take it from there.
version_part = $(shell sed -n 's/^\#define OXUS_VERSION_$(1) \([0-9]*\)$$/\1/p' src/oxus.h)
MAJOR := $(call version_part,MAJOR)
VERSION := $(MAJOR).$(call version_part,MINOR).$(call version_part,PATCH)
SONAME = liboxus.so.$(MAJOR)

PREFIX ?= /usr/local
DESTDIR ?=
BINDIR = $(PREFIX)/bin
LIBDIR ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
DATADIR = $(PREFIX)/share/oxus
MANDIR = $(PREFIX)/share/man/man1
MAN3DIR = $(PREFIX)/share/man/man3
# Python's own folder for modules under PREFIX (Debian's dist-packages when
# it is on sys.path, else site-packages); PYTHONDIR=... names another.
PYTHON ?= python3
PYTHONDIR ?= $(shell $(PYTHON) -c 'import sys, sysconfig; b = sys.argv[1]; \
  d = [p for p in sys.path if p.startswith(b + "/lib/python") and p.endswith("-packages")]; \
  print(d[0] if d else sysconfig.get_path("purelib", "posix_prefix", vars={"base": b}))' '$(PREFIX)')
# The catalog's entries (catalog.xml), registered with Debian's update-xmlcatalog:
# the namespace (a prefix of the names of the RNG, RNC and Schematron too, so
# that delegating it delegates them) and each public identifier, separated by |.
XML_NS = urn:oxus:analysis:1
XML_PUBLIC_IDS = -//oxus//XSD Analysis 1//EN|-//oxus//RNG Analysis 1//EN|-//oxus//Schematron Analysis 1//EN
# Refreshes the loader's cache after a real (DESTDIR-less) install as root.
LDCONFIG ?= ldconfig

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
LIB_SRC = src/error.c src/util.c src/utf8.c src/diag.c src/read.c src/decode.c src/parse.c \
          src/context.c src/document.c src/validate.c src/rules.c src/identifiers.c src/dates.c src/datenames.c \
          src/dateparse.c src/dateattr.c src/normalize.c src/upgrade.c src/transform.c src/serialize.c src/extensions.c src/encode.c \
          src/write.c src/batch.c src/sha256.c src/import.c src/import_text.c src/import_html.c \
          src/import_labels.c src/import_struct.c src/import_body.c src/import_refs.c src/import_write.c \
          src/skeleton.c
CLI_SRC = src/main.c src/run.c src/commands.c src/inputs.c src/paths.c src/report.c src/merge.c
LIB_OBJ = $(LIB_SRC:src/%.c=$(BUILD)/%.o)
CLI_OBJ = $(CLI_SRC:src/%.c=$(BUILD)/%.o)
# The shared library is built from a second set of objects: position
# independent (the per-thread variables need the dynamic TLS model there),
# and exporting only what oxus.h declares (-fvisibility=hidden; oxus.h
# makes its declarations visible). The binary and liboxus.a keep the
# faster non-PIC objects.
PIC_OBJ = $(LIB_SRC:src/%.c=$(BUILD)/pic/%.o)
SHLIB = $(BUILD)/liboxus.so.$(VERSION)
# Every symbol the library uses must come from its dependencies; the
# sanitizer builds leave the runtime's symbols to the program.
SHLIB_LDFLAGS ?= -Wl,-z,defs

.PHONY: all check test sanitize oom valgrind install uninstall xmlcatalog deps clean bench fuzz run-samples schemas

all: $(BUILD)/oxus $(SHLIB)

HEADERS = src/oxus.h src/internal.h src/cli.h src/dates.h
$(BUILD)/%.o: src/%.c $(HEADERS) | $(BUILD)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/pic/%.o: src/%.c $(HEADERS) | $(BUILD)
	@mkdir -p $(BUILD)/pic
	$(CC) $(ALL_CFLAGS) -fPIC -fvisibility=hidden -c $< -o $@

$(filter $(BUILD)/import%.o,$(LIB_OBJ)) $(filter $(BUILD)/pic/import%.o,$(PIC_OBJ)): src/import.h

$(BUILD):
	mkdir -p $(BUILD)

$(BUILD)/liboxus.a: $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $(LIB_OBJ)

$(SHLIB): $(PIC_OBJ)
	$(CC) $(CFLAGS) -shared -Wl,-soname,$(SONAME) $(SHLIB_LDFLAGS) $(LDFLAGS) -o $@ $(PIC_OBJ) $(LIBS)
	ln -sf liboxus.so.$(VERSION) $(BUILD)/$(SONAME)
	ln -sf $(SONAME) $(BUILD)/liboxus.so

$(BUILD)/oxus: $(CLI_OBJ) $(BUILD)/liboxus.a
	$(CC) $(ALL_CFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/liboxus.a $(LIBS)

$(BUILD)/test_dates: tests/unit/test_dates.c $(BUILD)/liboxus.a
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(BUILD)/liboxus.a $(LIBS)

# The whole suite; its last line is "N passed, N failed, N skipped".
# OXUS_CC and OXUS_CFLAGS let the suites build programs against the library
# the way it was built (the sanitizer runtime included).
check: all $(BUILD)/test_dates
	BUILD=$(BUILD) OXUS_CC='$(CC)' OXUS_CFLAGS='$(CFLAGS)' PYTHON='$(PYTHON)' tests/run.sh

test: check

# The same suite under AddressSanitizer + UndefinedBehaviorSanitizer.
sanitize:
	$(MAKE) BUILD=build/sanitize CC=clang CFLAGS='-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all' SHLIB_LDFLAGS= check
	$(MAKE) oom

# The allocation-failure test (tests/oom/oom.c): the library built with
# ASan and UBSan and with its allocations counted (tests/oom/inject.h), run
# with the N-th allocation failing. Pass A fails oxus's own allocations, every
# N, over the fuzz seeds, the fuzz regression inputs and the samples, with
# LeakSanitizer. Pass B fails every allocation, libxml2's and libxslt's too,
# each N in a child process (two at a time): every N up to 60 of each input
# (reading and parsing), then OOM_POINTS more spread over the rest of its run
# (validating, normalizing, converting), and OOM_POINTS points of compiling
# the schema and stylesheets. The captures among the inputs (.txt, .html) are
# imported instead. OOM_POINTS=100000 tries every N in pass B (an
# hour or more). `make sanitize` runs it too.
OOM = build/oom
OOM_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -O1 -g -fno-omit-frame-pointer \
             -fsanitize=address,undefined -fno-sanitize-recover=all -shared-libasan $(PKG_CFLAGS)
OOM_RT = $(dir $(shell clang -print-file-name=libclang_rt.asan-x86_64.so))
OOM_OBJ = $(LIB_SRC:src/%.c=$(OOM)/%.o)
OOM_INPUTS = tests/fuzz/seeds/pipeline/* tests/fuzz/regressions/* samples/minimal.xml \
             tests/import/csrs-page.html tests/import/dari-analysis.txt
OOM_POINTS ?= 40

$(OOM)/%.o: src/%.c src/oxus.h src/internal.h src/dates.h src/import.h tests/oom/inject.h
	@mkdir -p $(OOM)
	clang $(OOM_CFLAGS) -include tests/oom/inject.h -c $< -o $@

$(OOM)/oom: tests/oom/oom.c $(OOM_OBJ)
	clang $(OOM_CFLAGS) -Isrc -Wl,-rpath,$(OOM_RT) -o $@ tests/oom/oom.c $(OOM_OBJ) $(PKG_LIBS) -lpthread -lm

oom: $(OOM)/oom
	@mkdir -p $(OOM)/logs
	$(OOM)/oom -A -l $(OOM)/logs . tests/fuzz/seeds/pipeline/* tests/fuzz/regressions/* samples/*.xml \
	  tests/fuzz/seeds/import/* tests/import/*.txt tests/import/*.html
	ASAN_OPTIONS=symbolize=0:detect_leaks=0:quarantine_size_mb=16:malloc_context_size=4 \
	  $(OOM)/oom -B -j 2 -e 60 -p $(OOM_POINTS) -c $(OOM_POINTS) -l $(OOM)/logs . $(OOM_INPUTS)

# valgrind memcheck over the samples and the hostile suite.
valgrind: $(BUILD)/oxus
	tests/valgrind.sh $(BUILD)/oxus

# The RELAX NG forms of the schema are made from the XSD (schema/xsd2rng.xsl,
# then trang for the compact syntax) and kept in the source tree for editors
# and the install; run this after changing the XSD (tests/suites/86-rng.sh
# fails until the committed files are this output).
schemas: schema/analysis.rng schema/analysis.rnc
schema/analysis.rng: schema/analysis.xsd schema/xml.xsd schema/xsd2rng.xsl
	xsltproc schema/xsd2rng.xsl schema/analysis.xsd >$@.tmp && mv $@.tmp $@
schema/analysis.rnc: schema/analysis.rng
	trang -I rng -O rnc schema/analysis.rng $@.tmp.rnc && mv $@.tmp.rnc $@

run-samples: $(BUILD)/oxus
	$(BUILD)/oxus validate samples/
	$(BUILD)/oxus convert --to tei,jats,text,html -o $(BUILD)/samples-out --force samples/

bench: $(BUILD)/oxus
	tests/bench/bench.sh $(BUILD)/oxus
	tests/bench/scale.sh $(BUILD)/oxus

fuzz:
	tests/fuzz/run.sh $(or $(SECONDS_PER_FUZZER),60)

# Debian packages the build, the tests and the benchmark need; installed
# only when missing.
DEB_PKGS = build-essential pkg-config libxml2-dev libxslt1-dev libxml2-utils xsltproc \
           jing valgrind clang libclang-rt-14-dev python3 time parallel groff-base \
           xml-core slurm-wlm munge libsaxonhe-java default-jre-headless \
           libxml-commons-resolver1.1-java pandoc strace chromium fonts-noto-core trang
deps:
	@missing=""; for p in $(DEB_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	command -v npm >/dev/null 2>&1 || missing="$$missing nodejs npm"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

# oxus.pc names folders under PREFIX as ${prefix}/..., so that
# pkg-config --define-prefix can move them.
under_prefix = $(patsubst $(PREFIX)/%,$${prefix}/%,$(1))

# Everything `make install` puts under DESTDIR/PREFIX; `make uninstall`
# removes exactly these (tests/suites/80-install.sh checks nothing stays).
INSTALLED = $(BINDIR)/oxus $(LIBDIR)/liboxus.so.$(VERSION) $(LIBDIR)/$(SONAME) $(LIBDIR)/liboxus.so \
            $(LIBDIR)/liboxus.a $(INCLUDEDIR)/oxus.h $(PKGCONFIGDIR)/oxus.pc \
            $(MANDIR)/oxus.1 $(MAN3DIR)/liboxus.3 $(PYTHONDIR)/oxus.py

# The schema's other forms, for editors (README, "In an editor").
SCHEMAS = schema/analysis.rng schema/analysis.rnc schema/analysis.sch schema/schemas.xml

install: all
	@[ -n "$(PYTHONDIR)" ] || { echo "$(PYTHON) not found: set PYTHONDIR=FOLDER for python/oxus.py"; exit 2; }
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(PKGCONFIGDIR) \
	  $(DESTDIR)$(DATADIR)/schema $(DESTDIR)$(DATADIR)/transforms $(DESTDIR)$(MANDIR) $(DESTDIR)$(MAN3DIR) \
	  $(DESTDIR)$(PYTHONDIR)
	install -m 755 $(BUILD)/oxus $(DESTDIR)$(BINDIR)/oxus
	install -m 644 $(SHLIB) $(DESTDIR)$(LIBDIR)/
	ln -sf liboxus.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/liboxus.so
	install -m 644 $(BUILD)/liboxus.a $(DESTDIR)$(LIBDIR)/
	install -m 644 src/oxus.h $(DESTDIR)$(INCLUDEDIR)/
	install -m 644 schema/*.xsd $(SCHEMAS) $(DESTDIR)$(DATADIR)/schema/
	install -m 644 transforms/*.xsl $(DESTDIR)$(DATADIR)/transforms/
	install -m 644 catalog.xml $(DESTDIR)$(DATADIR)/
	sed 's/@VERSION@/$(VERSION)/' src/oxus.1 >$(DESTDIR)$(MANDIR)/oxus.1
	sed 's/@VERSION@/$(VERSION)/' src/liboxus.3 >$(DESTDIR)$(MAN3DIR)/liboxus.3
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(call under_prefix,$(LIBDIR))|' \
	  -e 's|@INCLUDEDIR@|$(call under_prefix,$(INCLUDEDIR))|' \
	  -e 's|@VERSION@|$(VERSION)|' -e 's|@PKGS@|$(PKGS)|' src/oxus.pc.in >$(DESTDIR)$(PKGCONFIGDIR)/oxus.pc
	sed 's|^_INSTALLED_LIBDIR = None$$|_INSTALLED_LIBDIR = "$(LIBDIR)"|' python/oxus.py >$(DESTDIR)$(PYTHONDIR)/oxus.py
	chmod 644 $(DESTDIR)$(MANDIR)/oxus.1 $(DESTDIR)$(MAN3DIR)/liboxus.3 $(DESTDIR)$(PKGCONFIGDIR)/oxus.pc \
	  $(DESTDIR)$(PYTHONDIR)/oxus.py
	@if [ -z "$(DESTDIR)" ]; then $(MAKE) -s xmlcatalog XMLCATALOG_ACTION=--add; fi
	@if [ -z "$(DESTDIR)" ] && [ -w /etc/ld.so.cache ]; then $(LDCONFIG); fi

uninstall:
	@if [ -z "$(DESTDIR)" ]; then $(MAKE) -s xmlcatalog XMLCATALOG_ACTION=--del; fi
	rm -f $(addprefix $(DESTDIR),$(INSTALLED))
	rm -f $(DESTDIR)$(PYTHONDIR)/__pycache__/oxus.*.pyc
	rm -rf $(DESTDIR)$(DATADIR)

# On Debian, the catalog joins the system's (/etc/xml/catalog, which libxml2
# and most editors read) through update-xmlcatalog: for each entry the
# package catalog /etc/xml/oxus.xml delegates to DATADIR/catalog.xml, and the
# root catalog to /etc/xml/oxus.xml (added in that order, deleted in the
# other). Elsewhere, or with a DESTDIR, nothing is registered (README:
# XML_CATALOG_FILES).
xmlcatalog:
	@command -v update-xmlcatalog >/dev/null || { echo "no update-xmlcatalog: catalog not registered (README: XML_CATALOG_FILES)"; exit 0; }; \
	[ -w /etc/xml ] || { echo "/etc/xml not writable: catalog not registered (README: XML_CATALOG_FILES)"; exit 0; }; \
	[ "$(XMLCATALOG_ACTION)" = --add ] || [ -e /etc/xml/oxus.xml ] || exit 0; \
	ids='uri=$(XML_NS)|public=$(subst |,|public=,$(XML_PUBLIC_IDS))'; IFS='|'; \
	for entry in $$ids; do \
	  type=$${entry%%=*}; id=$${entry#*=}; \
	  if [ "$(XMLCATALOG_ACTION)" = --add ]; then \
	    update-xmlcatalog --add --package oxus --local $(DATADIR)/catalog.xml --type $$type --id "$$id" && \
	    update-xmlcatalog --add --root --package oxus --type $$type --id "$$id"; \
	  else \
	    update-xmlcatalog --del --root --type $$type --id "$$id" && \
	    update-xmlcatalog --del --package oxus --type $$type --id "$$id"; \
	  fi || exit 1; \
	done; \
	if [ "$(XMLCATALOG_ACTION)" = --del ]; then rm -f /etc/xml/oxus.xml /etc/xml/oxus.xml.old; fi

clean:
	rm -rf build
