#!/usr/bin/env bash
# tests/lo/lo-env.sh - run a real LibreOffice with the built extension, for
# tests and benchmarks.  Source it, then:
#
#   lo_init                      private work dir $LO_DIR with a profile
#   lo_install OXT               unopkg add the extension into that profile
#   lo_remove ID                 unopkg remove (e.g. org.juesuan)
#   lo_list                      unopkg list (the profile's extensions)
#   lo_convert IN OUTDIR FILTER  soffice --headless --convert-to FILTER (recalculates)
#   lo_soffice ARGS...           any soffice run in the profile
#   lo_config PATH PROP VAL      set a configuration value in the profile, e.g.
#                                lo_config /org.openoffice.Setup/L10N ooLocale zh-CN
#   lo_cleanup                   stop what we started, remove $LO_DIR (trap it)
#
# LibreOffice and unopkg refuse root, so when we are root they run as
# nobody (setpriv), always with the private profile
# -env:UserInstallation=file://$LO_DIR/profile and HOME=$LO_DIR: the user's
# own office is never touched and parallel runs never share a profile.
# Each run goes through `timeout` (LO_TIMEOUT seconds, default 300), which
# leads its own process group; lo_cleanup kills only those groups.

LO_SOFFICE=${LO_SOFFICE:-soffice}
LO_UNOPKG=${LO_UNOPKG:-unopkg}
LO_TIMEOUT=${LO_TIMEOUT:-300}
LO_DIR=
LO_PGIDS=()

# Create the work dir and an empty profile owned by the office user.
lo_init() {
  LO_DIR=$(mktemp -d /tmp/juesuan-lo.XXXXXX)
  mkdir -p "$LO_DIR/profile" "$LO_DIR/work"
  chmod 755 "$LO_DIR"
  if [ "$(id -u)" -eq 0 ]; then
    chown -R nobody:nogroup "$LO_DIR"
  fi
  LO_PROFILE_URL="file://$LO_DIR/profile"
  export LO_DIR LO_PROFILE_URL
}

# Run "$@" as the office user, bounded in time, in its own process group.
lo_run() {
  local rc=0 pid
  local as=(env HOME="$LO_DIR")
  if [ "$(id -u)" -eq 0 ]; then
    as=(setpriv --reuid=nobody --regid=nogroup --clear-groups -- env HOME="$LO_DIR")
  fi
  if [ -n "${LO_LANG:-}" ]; then
    as+=(LANG="$LO_LANG" LC_ALL="$LO_LANG")
  fi
  # started from the private dir: the office user may not be allowed into
  # the caller's (a checkout under a 0700 folder), and unopkg cds to it
  local old=$PWD
  cd "$LO_DIR" || return 1
  timeout --kill-after=10 "$LO_TIMEOUT" "${as[@]}" "$@" &
  pid=$!
  cd "$old" || return 1
  LO_PGIDS+=("$pid")
  wait "$pid" || rc=$?
  return $rc
}

# Copy a file into the work dir (readable by the office user); prints its path.
lo_stage() {
  local dst="$LO_DIR/work/$(basename "$1")"
  [ "$1" -ef "$dst" ] || cp "$1" "$dst"
  chmod 644 "$dst"
  [ "$(id -u)" -ne 0 ] || chown nobody:nogroup "$dst"
  echo "$dst"
}

# unopkg add (license accepted with -s, as for a user double-clicking).
lo_install() {
  local oxt
  oxt=$(lo_stage "$1")
  lo_run "$LO_UNOPKG" add -s -f "$oxt" "-env:UserInstallation=$LO_PROFILE_URL"
}

# unopkg remove by identifier.
lo_remove() {
  lo_run "$LO_UNOPKG" remove "$1" "-env:UserInstallation=$LO_PROFILE_URL"
}

# unopkg list of the private profile.
lo_list() {
  lo_run "$LO_UNOPKG" list "-env:UserInstallation=$LO_PROFILE_URL"
}

# Any soffice run, headless, in the private profile.
lo_soffice() {
  lo_run "$LO_SOFFICE" "-env:UserInstallation=$LO_PROFILE_URL" --headless --norestore \
    --nologo --nodefault "$@"
}

# Load IN, recalculate, write OUTDIR/<name>.<ext> with FILTER.
lo_convert() {
  local in out=$2 filter=$3
  in=$(lo_stage "$1")
  mkdir -p "$out"
  chmod 777 "$out"
  lo_soffice --convert-to "$filter" --outdir "$out" "$in"
}

# Set PATH/PROP to VAL in the profile's registrymodifications.xcu (which
# exists once anything ran in the profile, e.g. lo_install): the old item,
# if any, is dropped so ours is the only one.
lo_config() {
  local path=$1 prop=$2 val=$3
  local xcu="$LO_DIR/profile/user/registrymodifications.xcu"
  [ -f "$xcu" ] || { echo "lo_config: no profile yet (run lo_install first)" >&2; return 1; }
  grep -v -F "<item oor:path=\"$path\"><prop oor:name=\"$prop\"" "$xcu" |
    sed "s|</oor:items>|<item oor:path=\"$path\"><prop oor:name=\"$prop\" oor:op=\"fuse\"><value>$val</value></prop></item>\n</oor:items>|" \
      >"$xcu.new"
  cat "$xcu.new" >"$xcu" && rm -f "$xcu.new"
}

# Stop any run still going (only the process groups we started) and remove
# the work dir.
lo_cleanup() {
  local pg
  for pg in "${LO_PGIDS[@]}"; do
    kill -- "-$pg" 2>/dev/null || true
  done
  LO_PGIDS=()
  if [ -n "$LO_DIR" ] && [ -z "${LO_KEEP:-}" ]; then
    rm -rf "$LO_DIR"
  fi
}
