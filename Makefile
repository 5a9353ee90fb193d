# scaffold — the developer entry points. `make test` is hermetic (Go only);
# `make check` runs the real tools over examples/ and needs what
# scripts/install-tools.sh installs.

GO      ?= go
PKGS    := ./...
BIN     := bin/scaffold

.PHONY: all build test check golden bench fuzz lint check-deps tools clean

all: build test

build:
	$(GO) build -o $(BIN) ./cmd/scaffold

## test: every Go test, hermetic (no network, no external tools)
test: lint check-deps
	$(GO) test -count=1 $(PKGS)

## check: ShellCheck on our own scripts; the generated lab (scripts, Terraform root and student folders, cfn-lint, deploy-all/destroy-all on moto); the compare page and every README diagram in headless Chromium; the DOT diagrams through Graphviz; terraform fmt/init/validate/plan, tflint, tfsec, cfn-lint, yamllint, shellcheck and moto deploys on examples/
check:
	shellcheck -x scripts/*.sh bench/*.sh .ci/run
	bash -n bench/compare-cdk.sh
	cfn-lint generators/cloudformation/testdata/*.yaml
	bash scripts/check-compare-html.sh $${TMPDIR:-/tmp}/scaffold-compare
	bash scripts/check-mermaid.sh $${TMPDIR:-/tmp}/scaffold-mermaid
	bash scripts/check-dot.sh $${TMPDIR:-/tmp}/scaffold-dot
	bash scripts/check-bundle.sh
	bash scripts/check-lab.sh examples
	bash scripts/check-examples.sh examples

## golden: regenerate examples/ and the generators' golden files; review the diff before committing
golden:
	$(GO) test ./examples ./generators/terraform ./generators/cloudformation -count=1 -update

## bench: rendering benchmarks
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./examples ./generators/... ./validate/... ./cmd/lab

## fuzz: a short run of every fuzz target. Budgets are counts of executions, not durations:
## a duration races the fuzzing coordinator's shutdown in Go 1.26 (golang/go#75804) and fails
## with "context deadline exceeded" on a busy machine without any failing input.
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime 100000x ./blueprints/lab
	$(GO) test -run '^$$' -fuzz '^FuzzPlan$$' -fuzztime 50000x ./blueprints/cidr
	$(GO) test -run '^$$' -fuzz '^FuzzParseTags$$' -fuzztime 200000x ./blueprints
	$(GO) test -run '^$$' -fuzz '^FuzzParseDuration$$' -fuzztime 200000x ./blueprints
	$(GO) test -run '^$$' -fuzz '^FuzzFilterDocument$$' -fuzztime 100000x ./blueprints/fanout
	$(GO) test -run '^$$' -fuzz '^FuzzParseSchedule$$' -fuzztime 100000x ./blueprints/asgspot
	$(GO) test -run '^$$' -fuzz '^FuzzHighlight$$' -fuzztime 50000x ./compare

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet $(PKGS)

## check-deps: the one-way dependency flow cmd -> blueprints -> model <- generators
check-deps:
	bash scripts/check-deps.sh

tools:
	bash scripts/install-tools.sh

clean:
	rm -rf bin
