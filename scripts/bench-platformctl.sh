#!/usr/bin/env bash
# Benchmark of `platformctl verify` over all environments: its wall time split into render,
# policies, rules and network (from --format json), beside bare `kubectl kustomize` of the same
# overlays in the same run. Figures, not assertions. Usage: scripts/bench-platformctl.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
bin/platformctl --version >/dev/null   # build first, outside the timings

now() { date +%s%N; }
for run in $(seq "$runs"); do
  start=$(now)
  for env in dev staging prod; do kubectl kustomize "gitops/overlays/$env" >/dev/null; done
  bare=$(( ($(now) - start) / 1000000 ))

  start=$(now)
  json=$(bin/platformctl verify --format json || true)
  total=$(( ($(now) - start) / 1000000 ))
  python3 - "$run" "$bare" "$total" "$json" <<'PY'
import json, sys
run, bare, total, report = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), json.loads(sys.argv[4])
steps = {k: sum(e["millis"][k] for e in report["environments"]) for k in ("render", "policies", "rules", "network")}
checks = steps["policies"] + steps["rules"] + steps["network"]
print(f"run {run}: kubectl kustomize x3 {bare} ms | platformctl verify {total} ms wall: render {steps['render']} ms (3 envs side by side, summed)"
      f", policies {steps['policies']} ms, rules {steps['rules']} ms, network {steps['network']} ms"
      f" | checks (policies+rules+network) vs bare render {checks / bare:.2f}x | passed {report['passed']}")
PY
done
