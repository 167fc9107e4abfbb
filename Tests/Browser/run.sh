#!/usr/bin/env bash
# The browser tests: builds the example with its search index and checks it in headless Chromium (Selenium).
# Installs what it needs when missing (Debian's chromium and chromium-driver as root; Python packages with pip).
# Usage: Tests/Browser/run.sh [pytest arguments]
set -euo pipefail
cd "$(dirname "$0")/../.."
here=Tests/Browser
started=$SECONDS

need=()
for package in chromium chromium-driver; do
    dpkg -s "$package" >/dev/null 2>&1 || need+=("$package")
done
if ((${#need[@]})); then
    echo "Installing ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${need[@]}" >/dev/null
fi
if ! python3 -c 'import selenium, axe_selenium_python, pypdf, pytest, pagefind_bin' 2>/dev/null; then
    echo "Installing the Python packages of $here/requirements.txt"
    python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore -r "$here/requirements.txt"
fi
echo "Browser tests: install checks took $((SECONDS - started)) s"

# The example, built with search into a folder served at http://127.0.0.1:<port>/briefing/, with base_url set to
# that address so that the 404 page's absolute links stay on this machine.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
mkdir -p "$work/site" "$work/www"
cp -R Content "$work/site/Content"
sed -i "s|^base_url:.*|base_url: http://127.0.0.1:$port/briefing/|" "$work/site/Content/site.yml"
# --build-tests: the same build settings as `swift test`, so that after it (as in .ci/run) nothing is rebuilt.
swift build --build-tests 2>&1 | tail -1
"$(swift build --build-tests --show-bin-path)/briefing" build "$work/site" --output "$work/www/briefing" --search

export BRIEFING_WWW="$work/www" BRIEFING_PORT="$port" BRIEFING_PREFIX="/briefing/"
export BRIEFING_SCREENS="${BRIEFING_SCREENS:-/tmp/briefing-screens}"
suite=$SECONDS
python3 -m pytest -q -p no:cacheprovider "$here" "$@"
echo "Browser tests: the suite took $((SECONDS - suite)) s, $((SECONDS - started)) s in all"
