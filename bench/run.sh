#!/usr/bin/env bash
# bench/run.sh — builds everything the benchmarks need and prints seven tables:
# payload (with the wasm by component, and a minimal ImGui program), time to
# first frame (with an empty WebGL2 page as the floor), frame time while
# stepping (in the browser, and the UI's part natively), layout time, and the story's map at every step (how clean, and
# whether any line lies: beside d3-force and Graphviz neato), beside
# Cytoscape.js or d3-force measured in the same run. Not part of the test
# command. Results also land in bench/out/results.md. Ctrl-C or SIGTERM stops
# it cleanly.
#
#     bench/run.sh [--loads N]     (N cold loads per page for table 2; default 7)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

scripts/setup.sh
# Bench-only dependencies: Google Benchmark and Graphviz (neato, a peer
# layout) from Debian, the other peers from npm.
missing=()
for pkg in libbenchmark-dev graphviz; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "bench: installing ${missing[*]}"
  sudo_() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
  sudo_ apt-get update -qq
  sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if [ ! -d bench/node_modules/cytoscape ] || [ ! -d bench/node_modules/d3-force ]; then
  echo "bench: installing Cytoscape.js and d3-force (npm)"
  (cd bench && npm ci --no-audit --no-fund --loglevel=error)
fi
export NODE_PATH=/usr/share/nodejs   # Debian's emscripten looks for its node modules here

echo "bench: building (native release and web)"
cmake --preset bench >/dev/null && cmake --build --preset bench >/dev/null
cmake --preset web >/dev/null && cmake --build --preset web >/dev/null
cmake --build --preset web --target layout_wasm minimal_imgui >/dev/null
# The same program with a name section, to size the wasm by component.
cmake --preset web -B build/web-names -DCMAKE_EXE_LINKER_FLAGS=--profiling-funcs >/dev/null
cmake --build build/web-names --target explainer >/dev/null

echo "bench: generating synthetic stories and assembling the pages"
out=bench/out
rm -rf "$out/www" && mkdir -p "$out/stories" "$out/www"
python3 bench/make_story.py 1000 "$out/stories/synthetic-1k.json"
python3 bench/make_story.py 10000 "$out/stories/synthetic-10k.json"
cp -r build/web/site "$out/www/app"
for n in 1k 10k; do
  cp -r build/web/site "$out/www/app-$n"
  cp "$out/stories/synthetic-$n.json" "$out/www/app-$n/story.json"
  # Its own text version (fetched after the first frame), from the release build of the tool.
  build/bench/explain site "$out/www/app-$n/story.json" "$out/www/app-$n" 2>/dev/null
done
cp build/web-names/site/explainer.wasm "$out/explainer-names.wasm"
mkdir -p "$out/www/cytoscape" "$out/www/layout" "$out/www/floor" "$out/www/minimal"
cp bench/web/webgl2-floor.html "$out/www/floor/index.html"
cp build/web/bench/minimal_imgui.js build/web/bench/minimal_imgui.wasm "$out/www/minimal/"
cp bench/web/cytoscape.html "$out/www/cytoscape/index.html"
cp bench/node_modules/cytoscape/dist/cytoscape.min.js data/metallic-rouge.json "$out/www/cytoscape/"
mv "$out/www/cytoscape/metallic-rouge.json" "$out/www/cytoscape/story.json"
cp bench/web/layout.html build/web/bench/layout_wasm.js build/web/bench/layout_wasm.wasm \
   bench/node_modules/d3-{dispatch,quadtree,timer,force}/dist/d3-*.min.js "$out/www/layout/"
cp data/metallic-rouge.json "$out/www/layout/story.json"
cp "$out"/stories/synthetic-*.json "$out/www/layout/"

echo "bench: native layout (Google Benchmark)"
cp data/metallic-rouge.json "$out/stories/metallic-rouge.json"
build/bench/bench/layout_native "$out/stories/metallic-rouge.json" "$out/stories/synthetic-1k.json" \
  "$out/stories/synthetic-10k.json" --benchmark_format=json --benchmark_out="$out/native.json" \
  --benchmark_out_format=json >/dev/null

echo "bench: browser runs (headless Chromium)"
echo
trap 'kill -TERM "$child" 2>/dev/null; wait "$child"; exit 143' TERM INT
node bench/run.mjs "$@" &
child=$!
wait "$child"

echo
echo "### 3b. The UI's frame natively (release, headless, no GL; 1.5 s of frames at 60 Hz after each step)"
echo
{ echo; echo "### 3b. The UI's frame natively (release, headless, no GL; 1.5 s of frames at 60 Hz after each step)"; echo; } >> "$out/results.md"
for story in data/metallic-rouge.json "$out"/stories/synthetic-1k.json "$out"/stories/synthetic-10k.json; do
  build/bench/bench/frames_native "$story" build/web/site/font.ttf 20
done | tee -a "$out/results.md"
echo
echo "### 5. The story's map at every step (the layout the app shows)"
echo
{ echo; echo "### 5. The story's map at every step (the layout the app shows)"; echo; } >> "$out/results.md"
build/bench/bench/story_steps data/metallic-rouge.json --json "$out/steps.json" | tee -a "$out/results.md"
echo
echo "### 5b. Does the map lie? Lines over strangers, crossings and unlabelled new relationships, beside d3-force and neato"
echo
{ echo; echo "### 5b. Does the map lie? Lines over strangers, crossings and unlabelled new relationships, beside d3-force and neato"; echo; } >> "$out/results.md"
NODE_PATH=bench/node_modules node bench/map_quality.mjs "$out/steps.json" | tee -a "$out/results.md"
{ echo; echo "### 6. Hostile story files (release \`explain check\`, up to the loader's 16 MiB)"; echo; } >> "$out/results.md"
python3 bench/hostile.py build/bench/explain | tee -a "$out/results.md"
echo
echo "### 7. Degenerate shapes and the loader's limits (native release, every step laid out)"
echo
{ echo; echo "### 7. Degenerate shapes and the loader's limits (native release, every step laid out)"; echo; } >> "$out/results.md"
# At the limits: 10,000 entities and 40,000 relationships over 500 steps.
python3 bench/make_story.py 10000 "$out/stories/limits.json" 500 40000
{ build/bench/bench/layout_shapes 1000 10000
  build/bench/bench/layout_shapes --story "$out/stories/limits.json" | tail -1; } | tee -a "$out/results.md"
echo
echo "### 8. The site's text at every limit (release \`explain site\`)"
echo
{ echo; echo "### 8. The site's text at every limit (release \`explain site\`)"; echo; } >> "$out/results.md"
python3 bench/site_size.py build/bench/explain | tee -a "$out/results.md"
