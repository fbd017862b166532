# ThreadLab: two commands do all the set-up on Debian 12.
#   make run    install what is missing, build, open the app
#   make test   install what is missing, build, run every test (with a short soak)
# Debian packages are installed with apt-get when root or passwordless sudo allows;
# otherwise the exact command is printed and make stops.
#
# What CI runs on top (make check): the 300-run soak, the whole suite under
# AddressSanitizer+UBSan and under ThreadSanitizer, a short fuzzing session, and the Debian
# package built, installed, run and removed.
#   make package   the Debian package (build-package/threadlab_VERSION_ARCH.deb)

BUILD        ?= build
BUILD_TYPE   ?= RelWithDebInfo
JOBS         ?= $(shell nproc 2>/dev/null || echo 2)
SOAK_RUNS    ?= 300
BENCH_BUILD  ?= build-bench
BENCHMARKS   := bench_eventlog bench_ingest bench_timeline bench_startlatency bench_gil bench_gilsampler bench_cpythontrace bench_gui bench_coldstart
BENCH_ARGS   ?=
FUZZ_SECONDS ?= 60
PACKAGE_BUILD ?= build-package

PACKAGES := cmake g++ make pkg-config \
            qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-svg-dev \
            qt6-tools-dev qt6-l10n-tools qt6-translations-l10n \
            fontconfig fonts-dejavu-core python3
# The Debian package (make package): dpkg-shlibdeps (with file) computes its dependencies,
# help2man writes the man page from --help.
PACKAGE_PACKAGES := dpkg-dev file help2man
# The test suite also checks the source tree's shape (function lengths, by Universal Ctags); the
# package's test validates the metainfo (appstream) and the desktop entry (desktop-file-utils,
# whose trigger also registers ThreadLab for its scenario files) and asks xdg-mime (xdg-utils,
# libfile-mimeinfo-perl) what opens a lesson file.
TEST_PACKAGES := universal-ctags appstream desktop-file-utils xdg-utils libfile-mimeinfo-perl $(PACKAGE_PACKAGES)
# Sanitizer and fuzzing builds use clang with its runtimes.
DEV_PACKAGES := clang libclang-rt-14-dev

.PHONY: all deps deps-test deps-dev build run test soak bench asan tsan fuzz package package-check check clean

all: build

# $(call install,PACKAGE LIST)
define install
	@missing=""; \
	for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; \
	  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo"; \
	  else echo "ThreadLab needs these Debian packages. Install them with:"; \
	       echo "  sudo apt-get update && sudo apt-get install -y$$missing"; exit 1; fi; \
	  echo "Installing:$$missing"; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq$$missing; \
	fi
endef

deps:
	$(call install,$(PACKAGES))

deps-test: deps
	$(call install,$(TEST_PACKAGES))

deps-dev: deps-test
	$(call install,$(DEV_PACKAGES))

$(BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

run: build
	$(BUILD)/bin/threadlab

test: deps-test build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

soak: build
	THREADLAB_SOAK_RUNS=$(SOAK_RUNS) ctest --test-dir $(BUILD) --output-on-failure -L soak

# Google Benchmark programs (Release build of their own), one table each.
bench: deps
	$(call install,libbenchmark-dev)
	cmake -S . -B $(BENCH_BUILD) -DCMAKE_BUILD_TYPE=Release -DTHREADLAB_BUILD_BENCHMARKS=ON
	cmake --build $(BENCH_BUILD) -j $(JOBS) --target $(BENCHMARKS)
	@for b in $(BENCHMARKS); do echo "== $$b"; \
	  $(BENCH_BUILD)/bin/$$b --benchmark_counters_tabular=true $(BENCH_ARGS) || exit 1; done

# Sanitizer builds: the presets of CMakePresets.json, whole suite, every finding fatal.
asan: deps-dev
	cmake --preset asan
	cmake --build build-asan -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --test-dir build-asan --output-on-failure -j $(JOBS)

tsan: deps-dev
	cmake --preset tsan
	cmake --build build-tsan -j $(JOBS)
	# LLVM 14's TSan cannot follow QProcess: no Python interpreter for the window to probe or measure.
	QT_NO_GLIB=1 THREADLAB_PYTHON=/nonexistent/python3 \
	  TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 suppressions=$(CURDIR)/tests/tsan.supp" \
	  ctest --test-dir build-tsan --output-on-failure -j $(JOBS)

# libFuzzer targets for the child-stream decoder, the CPython runtime's demultiplexer, the scenario loader and the worker's job
# argument, FUZZ_SECONDS each, on copies of the committed corpora.
fuzz: deps-dev
	cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DTHREADLAB_FUZZ=ON -DTHREADLAB_BUILD_GUI=OFF \
	  "-DCMAKE_CXX_FLAGS=-fsanitize=fuzzer-no-link,address,undefined"
	cmake --build build-fuzz -j $(JOBS) --target fuzz_wiredecoder fuzz_wiredemux fuzz_scenarioloader fuzz_workerjob
	tests/fuzz/run-fuzzers.sh build-fuzz $(FUZZ_SECONDS)

# The Debian package, from a build of its own without the tests, installed under /usr.
package: deps
	$(call install,$(PACKAGE_PACKAGES))
	cmake -S . -B $(PACKAGE_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_INSTALL_PREFIX=/usr \
	  -DTHREADLAB_BUILD_TESTS=OFF
	cmake --build $(PACKAGE_BUILD) -j $(JOBS)
	rm -f $(PACKAGE_BUILD)/threadlab_*.deb
	cd $(PACKAGE_BUILD) && cpack -G DEB
	@echo "Debian package: $$(ls $(PACKAGE_BUILD)/threadlab_*.deb)"

# Installs the package, runs it, removes it (needs root or password-less sudo).
package-check: deps-test package
	tests/package/check-package.sh $$(ls $(PACKAGE_BUILD)/threadlab_*.deb)

check: test soak asan tsan fuzz package-check

clean:
	rm -rf $(BUILD) build-asan build-tsan build-fuzz $(BENCH_BUILD) $(PACKAGE_BUILD)
