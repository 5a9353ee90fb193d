#!/bin/bash
# ApplicationStart: (re)start the web server with the new content.
set -euo pipefail
systemctl enable nginx
systemctl restart nginx
