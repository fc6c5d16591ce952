#!/bin/sh
# Builds the fixture actors with componentize-py into OUTDIR, one folder per actor holding
# its manifest and component, laid out as here so that relative manifest paths still hold:
#   OUTDIR/simple-named/{manifest.toml,simple-named.wasm}
#   OUTDIR/pinger/{manifest.toml,pinger.wasm}
#   OUTDIR/ponger/{manifest.toml,ponger.wasm}
# Usage: build.sh OUTDIR [ACTOR...]   (default: every actor). An actor whose component is
# newer than its sources and the WIT it uses is not built again.
set -e
if [ $# -lt 1 ]; then
    echo "usage: $0 OUTDIR [simple-named|pinger|ponger]..." >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
project_wit="$here/../../../wit"
mkdir -p "$1"
out=$(cd "$1" && pwd)
shift
actors=${*:-"simple-named pinger ponger"}

for actor in $actors; do
    # The WIT package (a folder with its deps/) and the world each actor is built from.
    source="$here/$actor"
    case "$actor" in
        # simple-named is the example python-counter's own code, built against the WIT
        # package under its later upstream name (theater:simple).
        simple-named) wit_dir="$here/simple-named/wit"; world=message-server-actor
            source="$here/../../../examples/python-counter" ;;
        ponger) wit_dir="$project_wit"; world=message-server-actor ;;
        pinger)
            # pinger's own world refers to ntwk:theater, which it gets as a dependency
            wit_dir="$out/.wit-pinger"
            rm -rf "$wit_dir"
            mkdir -p "$wit_dir/deps"
            cp "$here/pinger/wit/"*.wit "$wit_dir/"
            cp -R "$project_wit" "$wit_dir/deps/ntwk-theater"
            world=pinger ;;
        *) echo "unknown fixture actor '$actor' (known: simple-named, pinger, ponger)" >&2; exit 2 ;;
    esac
    mkdir -p "$out/$actor"
    cp "$here/$actor/manifest.toml" "$out/$actor/manifest.toml"
    component="$out/$actor/$actor.wasm"
    newer=$(find "$here/$actor" "$source" "$project_wit" -newer "$component" -type f 2>/dev/null | head -n 1)
    if [ -f "$component" ] && [ -z "$newer" ]; then
        echo "$actor: up to date"
        continue
    fi
    echo "$actor: building $component"
    componentize-py -d "$wit_dir" -w "$world" componentize -p "$source" app -o "$component"
done
rm -rf "$out/.wit-pinger"
