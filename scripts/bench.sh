#!/usr/bin/env bash
# bench.sh: what sqlheat costs next to go vet, on the same code and in the
# same cache state (DESIGN.md, "Performance budget").
#
#   scripts/bench.sh -n 100                 # a generated module of 100 packages
#   scripts/bench.sh -m /path/to/module     # any module
#   scripts/bench.sh -n 1000 -r 3 -o /tmp/bench/n1000
#
# Flags:
#   -n N      generate a module of N packages with internal/benchgen (default 100)
#   -s SEED   generator seed (default 1)
#   -m DIR    benchmark the module in DIR instead (it is not modified; its
#             .sqlheat.yaml, if any, applies)
#   -r R      repetitions of each measurement (default 5)
#   -o DIR    work directory: binaries, caches, raw results (default a temp dir)
#   -b BIN    the sqlheat binary to measure (default: go build ./cmd/sqlheat)
#   -k        keep the work directory (its caches can be large)
#
# Three commands are measured on the module's ./...:
#   vet         go vet ./...                                (the reference)
#   standalone  sqlheat ./...                               (one process)
#   vettool     go vet -vettool=sqlheat ./...               (per package)
#
# Each in two cache states, as DESIGN.md defines them:
#   cold  warm build cache, cold vet cache. Before the runs, a template
#         GOCACHE is filled once by compiling everything the three commands
#         need (go build, then go list -export -deps -test, which is what
#         go vet and go/packages ask the build cache for). Each cold run
#         gets a fresh copy of it at the same path (cp -a, not timed; the
#         build cache keys test mains by its own path), so it compiles
#         nothing and finds no vet result: every analyzer runs, on every
#         package and dependency. A fresh empty GOCACHE instead would time
#         compiling the standard library and the dependencies, the same
#         for every tool, and hide the analyzers' cost; changing a vet flag
#         to defeat vet's cache instead would work for go vet but means
#         different flags for different tools.
#   warm  the same command again on a cache it already ran in once (one
#         unmeasured run per tool primes its own copy): go vet then replays
#         its cached results. sqlheat's standalone driver has no result
#         cache, so for it warm is cold with a warm OS page cache; the
#         budget compares it with cold go vet.
#
# Runs alternate: each repetition runs vet, standalone and vettool cold,
# then the three warm, so that noise on a shared machine lands on all of
# them alike. Medians are reported.
#
# Measurement: wall time, CPU time (user + system of the process and of all
# the descendants it waited for; on a shared or noisy machine CPU time
# moves much less than wall time) and peak RSS, from GNU time
# (-f '%e %M %U %S'). Peak RSS is ru_maxrss of the measured process, which
# Linux reports as the maximum over that process and every descendant it
# waited for, so for go vet it is
# the largest single process of the run (the go command, a compile, or a
# vet tool), not their sum: the number DESIGN.md's "largest process" budget
# means. (Checked: a bash that runs a 500 MB python child reports ~500 MB;
# a child nobody waits for is not counted, and the go command waits for all
# of its.) Without GNU time, internal/benchgen/cmd/benchtime measures the
# same thing through Go's os/exec.
#
# Output: a Markdown table of medians and the ratios sqlheat/go vet,
# printed and written to $OUT/RESULTS.md; raw runs in $OUT/runs.tsv.

set -euo pipefail

N=100 SEED=1 MODDIR="" REPS=5 OUT="" BIN="" KEEP=0
while getopts "n:s:m:r:o:b:kh" opt; do
	case $opt in
	n) N=$OPTARG ;;
	s) SEED=$OPTARG ;;
	m) MODDIR=$OPTARG ;;
	r) REPS=$OPTARG ;;
	o) OUT=$OPTARG ;;
	b) BIN=$OPTARG ;;
	k) KEEP=1 ;;
	h | *)
		sed -n '2,/^$/p' "$0" | sed 's/^# \{0,1\}//'
		[[ $opt == h ]] && exit 0 || exit 2
		;;
	esac
done

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
log() { printf 'bench: %s\n' "$*" >&2; }
die() {
	log "$*"
	exit 2
}

# --- preflight ---------------------------------------------------------
command -v go >/dev/null || die "go is not on PATH"
[[ $REPS =~ ^[1-9][0-9]*$ ]] || die "-r $REPS: want a positive number"
if [[ -z $OUT ]]; then
	OUT=$(mktemp -d "${TMPDIR:-/tmp}/sqlheat-bench.XXXXXX")
fi
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
# The caches are large; the results, binaries and generated module stay.
[[ $KEEP == 1 ]] || trap 'rm -rf "$OUT"/gocache.*' EXIT

# GNU time, else try to install it (Debian/Ubuntu, as root), else measure
# with the Go helper.
TIMER=()
gnu_time() { [[ -x /usr/bin/time ]] && /usr/bin/time -f '%e %M %U %S' -o /dev/null true 2>/dev/null; }
if ! gnu_time && [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
	log "installing GNU time"
	apt-get install -y -qq time >/dev/null 2>&1 || true
fi
if gnu_time; then
	TIMER=(/usr/bin/time -f '%e %M %U %S' -o)
else
	log "no GNU time: measuring with internal/benchgen/cmd/benchtime"
	(cd "$ROOT" && go build -o "$OUT/benchtime" ./internal/benchgen/cmd/benchtime)
	TIMER=("$OUT/benchtime" -o)
fi

BUILT=0
if [[ -z $BIN ]]; then
	BUILT=1
	log "building sqlheat"
	(cd "$ROOT" && go build -o "$OUT/sqlheat" ./cmd/sqlheat)
	BIN=$OUT/sqlheat
fi
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
[[ -x $BIN ]] || die "$BIN is not executable"

if [[ -n $MODDIR ]]; then
	MOD=$(cd "$MODDIR" && pwd)
	LABEL=$(basename "$MOD")
else
	MOD=$OUT/gen$N
	rm -rf "$MOD"
	log "generating $N packages (seed $SEED) in $MOD"
	(cd "$ROOT" && go run ./internal/benchgen/cmd/benchgen -n "$N" -seed "$SEED" -o "$MOD") >&2
	LABEL="benchgen N=$N"
fi
[[ -f $MOD/go.mod ]] || die "$MOD has no go.mod"
PKGS=$(cd "$MOD" && go list ./... 2>/dev/null | wc -l)

# --- caches --------------------------------------------------------------
TEMPLATE=$OUT/gocache.template COLD=$OUT/gocache.cold
rm -rf "$OUT"/gocache.*
mkdir -p "$COLD"
log "warming the build cache (compiling $PKGS packages, their tests and dependencies)"
(
	cd "$MOD"
	export GOCACHE=$COLD
	# A package that does not build is reported by all three tools alike.
	go build ./... >&2 || log "go build ./... failed; measuring anyway"
	# What go vet and go/packages (sqlheat's loader) need: export data of
	# every package, test variants and test mains included.
	go list -e -export -deps -test -compiled -json=ImportPath,Export ./... >/dev/null
)
# Filled at the path the cold runs use, then moved: the build cache keys
# test main packages by the cache's own path, so a copy at another path
# would recompile them in every run of sqlheat.
mv "$COLD" "$TEMPLATE"
log "build cache: $(du -sh "$TEMPLATE" | cut -f1)"

TOOLS=(vet standalone vettool)
# setcmd TOOL sets CMD to TOOL's command line.
setcmd() {
	case $1 in
	vet) CMD=(go vet ./...) ;;
	standalone) CMD=("$BIN" ./...) ;;
	vettool) CMD=(go vet -vettool="$BIN" ./...) ;;
	esac
}
label() {
	case $1 in
	vet) echo 'go vet ./...' ;;
	standalone) echo 'sqlheat ./...' ;;
	vettool) echo 'go vet -vettool=sqlheat ./...' ;;
	esac
}

RUNS=$OUT/runs.tsv
printf 'tool\tstate\trep\twall_s\trss_kib\tcpu_s\texit\n' >"$RUNS"

# measure TOOL STATE REP CACHE: one timed run of TOOL with GOCACHE=CACHE.
measure() {
	local tool=$1 state=$2 rep=$3 cache=$4 tfile=$OUT/time.$$
	local rc=0
	setcmd "$tool"
	(cd "$MOD" && GOCACHE=$cache "${TIMER[@]}" "$tfile" "${CMD[@]}" >"$OUT/out.$tool.$state.txt" 2>&1) || rc=$?
	local wall rss user sys cpu
	read -r wall rss user sys < <(grep -E '^[0-9.]+ [0-9]+ [0-9.]+ [0-9.]+$' "$tfile" | tail -1)
	cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
	rm -f "$tfile"
	# go vet and sqlheat exit 1 when they report findings.
	if ((rc > 1)); then
		log "$tool ($state) exited $rc; see $OUT/out.$tool.$state.txt"
	fi
	printf '%s\t%s\t%d\t%s\t%s\t%s\t%d\n' "$tool" "$state" "$rep" "$wall" "$rss" "$cpu" "$rc" >>"$RUNS"
	log "$(printf '%-10s %-4s rep %d: %6.2f s wall %6.2f s CPU %7.1f MiB (exit %d)' "$tool" "$state" "$rep" "$wall" "$cpu" "$(awk "BEGIN{print $rss/1024}")" "$rc")"
}

for tool in "${TOOLS[@]}"; do
	cp -a "$TEMPLATE" "$OUT/gocache.warm.$tool"
	log "priming the warm cache of $tool"
	setcmd "$tool"
	(cd "$MOD" && GOCACHE=$OUT/gocache.warm.$tool "${CMD[@]}" >/dev/null 2>&1) || true
done

for ((rep = 1; rep <= REPS; rep++)); do
	for tool in "${TOOLS[@]}"; do
		rm -rf "$COLD"
		cp -a "$TEMPLATE" "$COLD"
		measure "$tool" cold "$rep" "$COLD"
	done
	for tool in "${TOOLS[@]}"; do
		measure "$tool" warm "$rep" "$OUT/gocache.warm.$tool"
	done
done
rm -rf "$COLD"

# --- report --------------------------------------------------------------
median() { # median of column $3 for tool $1, state $2
	awk -F'\t' -v t="$1" -v s="$2" -v c="$3" 'NR > 1 && $1 == t && $2 == s { print $c }' "$RUNS" |
		sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
mark() { awk -v r="$1" -v lim="$2" 'BEGIN { if (lim == "") print ""; else if (r + 0 <= lim + 0) printf " (≤%s ok)", lim; else printf " (**over %s**)", lim }'; }

{
	echo "### $LABEL ($PKGS packages, $REPS runs, medians)"
	echo
	if [[ $BUILT == 1 ]]; then
		rev=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo "?")
		[[ -z $(git -C "$ROOT" status --porcelain 2>/dev/null) ]] || rev+=" with uncommitted changes"
		what="sqlheat built at $rev"
	else
		what="sqlheat binary $BIN"
	fi
	echo "$what, $(go version | awk '{print $3}'), $(nproc 2>/dev/null || echo ?) CPUs, $(date -u +%Y-%m-%d)"
	echo
	echo "| command | state | wall s | CPU s | peak RSS MiB | wall / go vet | CPU / go vet | RSS / go vet |"
	echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
	for state in cold warm; do
		vw=$(median vet "$state" 4)
		vr=$(median vet "$state" 5)
		vc=$(median vet "$state" 6)
		for tool in "${TOOLS[@]}"; do
			w=$(median "$tool" "$state" 4)
			r=$(median "$tool" "$state" 5)
			c=$(median "$tool" "$state" 6)
			rw="" rr="" rc=""
			if [[ $tool != vet ]]; then
				rw=$(ratio "$w" "$vw")
				rr=$(ratio "$r" "$vr")
				rc=$(ratio "$c" "$vc")
				if [[ $state == cold && $tool == vettool ]]; then
					rw+=$(mark "$rw" 1.2)
					rr+=$(mark "$rr" 1.3)
				elif [[ $state == cold && $tool == standalone ]]; then
					rw+=$(mark "$rw" 1.5)
				fi
			fi
			printf '| `%s` | %s | %.2f | %.2f | %.0f | %s | %s | %s |\n' "$(label "$tool")" "$state" "$w" "$c" "$(awk "BEGIN{print $r/1024}")" "$rw" "$rc" "$rr"
		done
	done
	echo
	echo "Budget (DESIGN.md): vet mode ≤ 1.2× wall and ≤ 1.3× peak memory of go vet; standalone ≤ 1.5× the wall of go vet with a warm build cache and a cold vet cache (the cold rows), and under 1 GB on a 150-package service."
} | tee "$OUT/RESULTS.md"
log "raw runs: $RUNS"
