#!/bin/bash
# AfterInstall: the files are in place; make them readable by nginx and
# keep the health endpoint the load balancer checks.
set -euo pipefail
if [ ! -f /usr/share/nginx/html/health ]; then
  echo ok > /usr/share/nginx/html/health
fi
chmod -R a+rX /usr/share/nginx/html
