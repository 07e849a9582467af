#!/usr/bin/env bash
# Installs everything the project needs on a fresh Debian 12 machine and does
# nothing when all of it is already present. Third-party code never enters git:
# Debian packages go to the system, ImGui sources to build/deps/, npm packages
# to web/node_modules/ (Closure Compiler) and tests/browser/node_modules/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
deps="$root/build/deps"

need_pkgs=(cmake ninja-build g++ emscripten nlohmann-json3-dev doctest-dev
           chromium fonts-dejavu-core fonttools xz-utils
           unicode-data                  # the tables for comparing text as a reader does
           clang libclang-rt-14-dev      # clang's libFuzzer, for the fuzz targets
           brotli                        # the site's precompressed .br copies
           libglfw3-dev libpng-dev xvfb xauth    # the desktop host and its screenshot test
           firefox-esr webkit2gtk-driver)        # the cross-engine smoke suite (Firefox ESR, WebKitGTK)
# Node.js and npm may come from elsewhere than Debian (they do on this image);
# only install Debian's when there is no node at all.
command -v npm >/dev/null 2>&1 || need_pkgs+=(nodejs npm)
missing=()
for p in "${need_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

sudo_() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
updated=0
apt_update() { [ $updated = 1 ] || { sudo_ apt-get update -qq; updated=1; }; }

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  apt_update
  sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Dear ImGui 1.86: libimgui-dev ships no .cpp files, so take the Debian source package.
imgui="$deps/imgui-1.86"
if [ ! -f "$imgui/imgui.cpp" ]; then
  echo "setup: fetching Dear ImGui sources (Debian source package)"
  src_list=/etc/apt/sources.list.d/debian-src.sources
  if [ ! -f "$src_list" ] && [ -f /etc/apt/sources.list.d/debian.sources ]; then
    sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources | sudo_ tee "$src_list" >/dev/null
    updated=0
  fi
  apt_update
  mkdir -p "$deps" && cd "$deps"
  apt-get source --download-only -qq imgui >/dev/null
  tar xf imgui_1.86*.orig.tar.xz
  rm -f imgui_1.86*.orig.tar.xz imgui_1.86*.debian.tar.* imgui_1.86*.dsc
  test -f "$imgui/imgui.cpp"
fi

# Closure Compiler for the web build's JS (npm; the web build refuses to go on without it).
if [ ! -x "$root/web/node_modules/google-closure-compiler-linux/compiler" ]; then
  echo "setup: installing Closure Compiler (npm)"
  (cd "$root/web" && npm ci --no-audit --no-fund --loglevel=error)
fi

# npm packages, reinstalled whenever a folder's lock file changes. No browser
# download: Debian's Chromium, Firefox ESR and WebKitGTK are used.
npm_folder() {   # folder, what it holds
  if ! cmp -s "$root/$1/package-lock.json" "$root/$1/node_modules/.installed-lock.json"; then
    echo "setup: installing $2 (npm, $1)"
    (cd "$root/$1" && npm ci --no-audit --no-fund --loglevel=error &&
     cp package-lock.json node_modules/.installed-lock.json)
  fi
}
# The Chromium driver (playwright-core) that the build's preview images, the
# tests, the soak and the benchmarks share.
npm_folder tools/browser "the Chromium driver"
# The tests' own: puppeteer-core (Firefox over WebDriver BiDi),
# selenium-webdriver (WebKitWebDriver), axe-core, html-validate, ajv.
npm_folder tests/browser "the browser-test drivers"
echo "setup: ready"
