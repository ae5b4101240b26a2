#!/usr/bin/env bash
# Regenerates the example's images with bench/gen_images.cpp (the committed files are its output).
# usage: examples/meetup/gen-images.sh path/to/folio_gen_images
set -euo pipefail
gen=${1:?usage: gen-images.sh path/to/folio_gen_images}
cd "$(dirname "$0")"
# Site-wide images under static/, used as /images/x.png.
"$gen" screenshot static/images/logo.png 240 160 11 "Go 夜读"
"$gen" screenshot static/images/venue-map.png 720 450 12 "网商路 699 号 3F"
"$gen" screenshot static/images/signup.png 200 200 13 "报名"
"$gen" photo static/images/group-photo.jpg 800 450 14 80
"$gen" photo static/images/venue.jpg 640 400 15 80
# Leaf bundle images beside index.md (and in a subfolder of the bundle).
"$gen" screenshot content/posts/meetup-03-pprof/flamegraph.png 800 480 21 "go tool pprof 火焰图"
"$gen" screenshot content/posts/meetup-03-pprof/heap-profile.png 640 400 22 "inuse_space"
"$gen" photo content/posts/meetup-03-pprof/venue.jpg 720 480 23 82
"$gen" photo content/posts/meetup-07-wasm/images/audience.jpg 640 360 31 78
"$gen" screenshot content/posts/meetup-07-wasm/demo.png 800 500 32 "renderMarkdown() 实时预览"
