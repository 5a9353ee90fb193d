#!/bin/bash
# ValidateService: the deployment succeeds only if /health answers 200
# on this instance within about a minute; otherwise CodeDeploy rolls back.
set -euo pipefail
for attempt in $(seq 1 30); do
  if curl --silent --fail --max-time 2 "http://127.0.0.1:80/health" >/dev/null; then
    echo "healthy after $attempt attempt(s)"
    exit 0
  fi
  sleep 2
done
echo "/health did not answer 200 on port 80" >&2
exit 1
