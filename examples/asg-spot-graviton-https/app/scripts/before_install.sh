#!/bin/bash
# BeforeInstall: make sure the web server is installed before CodeDeploy
# copies the new files into /usr/share/nginx/html.
set -euo pipefail
if ! command -v nginx >/dev/null 2>&1; then
  dnf install -y nginx
fi
mkdir -p /usr/share/nginx/html
