# Sourced by the scripts that need Azurite: installs it from package.json once (npm ci), from the repository's root.
if [ -f package.json ] && [ ! -x node_modules/.bin/azurite-table ]; then
  echo "==> Installing Azurite (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error || { echo "npm ci failed: check that the npm registry is reachable"; exit 1; }
fi
