#!/usr/bin/env bash
# validate_office.sh - a private headless LibreOffice with the built .oxt,
# for the validation tests and benchmark.  Source it, then:
#
#   vo_start OXT      private profile, `unopkg add`, headless soffice on a pipe
#   vo_profile OXT    only the profile with the extension (then vo_launch ARGS)
#                     and LibreOffice's UI language $VO_UI_LANG (default en-US;
#                     zh-CN for a Chinese UI: the language pack is installed)
#   vo_python ARGS    python3 ARGS as the office user, VO_PIPE set
#   vo_xvfb           a private X display (Xvfb) for GUI runs: sets DISPLAY
#   vo_stop           stop the soffice (and Xvfb) we started (by pid) and remove the dir
#
# LibreOffice and unopkg refuse root: as root they run as nobody (setpriv),
# always with -env:UserInstallation in a fresh temp dir, so no user profile
# is ever touched and parallel runs never share one.
VO_DIR=
VO_PID=
VO_PIPE=
VO_XVFB_PID=

# Run "$@" as the office user from $VO_DIR: the office user may not be
# allowed into the caller's directory (a checkout under a 0700 folder).
vo_as() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd "$VO_DIR" && exec setpriv --reuid=nobody --regid=nogroup --clear-groups -- env HOME="$VO_DIR" "$@")
  else
    (cd "$VO_DIR" && exec env HOME="$VO_DIR" "$@")
  fi
}

# Private profile with the extension installed (unopkg as the office user).
vo_profile() {
  local oxt=$1
  VO_DIR=$(mktemp -d /tmp/juesuan-vo.XXXXXX)
  mkdir -p "$VO_DIR/profile" "$VO_DIR/work"
  cp "$oxt" "$VO_DIR/juesuan.oxt"
  chmod -R a+rwX "$VO_DIR"
  [ "$(id -u)" -ne 0 ] || chown -R nobody:nogroup "$VO_DIR"
  VO_PIPE="juesuan_vo_$$_$RANDOM"
  export VO_DIR VO_PIPE
  timeout 300 bash -c "$(declare -f vo_as); vo_as unopkg add -s -f '$VO_DIR/juesuan.oxt' \
    '-env:UserInstallation=file://$VO_DIR/profile'" >"$VO_DIR/unopkg.log" 2>&1 || {
    cat "$VO_DIR/unopkg.log" >&2
    return 1
  }
  vo_ui_lang "${VO_UI_LANG:-en-US}"
}

# LibreOffice's UI language in the profile, as Tools > Options > Language
# Settings > User interface sets it (Linguistic/General UILocale): the office
# starts in it when its language pack is installed (and then writes it to
# Setup/L10N ooLocale, which the extension reads).  Call before vo_launch.
vo_ui_lang() {
  local xcu="$VO_DIR/profile/user/registrymodifications.xcu"
  local item="<item oor:path=\"/org.openoffice.Office.Linguistic/General\"><prop oor:name=\"UILocale\" oor:op=\"fuse\"><value>$1</value></prop></item>"
  if [ -f "$xcu" ]; then
    sed -i "s|</oor:items>|$item\n</oor:items>|" "$xcu"
  else
    mkdir -p "$(dirname "$xcu")"
    printf '%s\n' '<?xml version="1.0" encoding="UTF-8"?>' \
      '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' \
      "$item" '</oor:items>' >"$xcu"
    [ "$(id -u)" -ne 0 ] || chown -R nobody:nogroup "$VO_DIR/profile"
  fi
}

# soffice in that profile, listening on $VO_PIPE, extra arguments appended;
# returns when the office answers on the pipe.  Under vo_xvfb, an office
# that could not open the display (seen now and then on a busy machine: the
# fresh Xvfb had answered xdotool a moment before) gets a new Xvfb and one
# more start.
vo_launch() {
  vo_launch_once "$@" && return 0
  if [ -n "$VO_XVFB_PID" ] && grep -q "Can't open display" "$VO_DIR/soffice.log" 2>/dev/null; then
    echo "note: soffice could not open $DISPLAY; a new Xvfb, one more start" >&2
    kill "$VO_XVFB_PID" 2>/dev/null || true
    VO_XVFB_PID=
    vo_xvfb && vo_launch_once "$@"
    return
  fi
  return 1
}

vo_launch_once() {
  local i
  vo_as soffice "-env:UserInstallation=file://$VO_DIR/profile" --norestore --nologo \
    --nolockcheck "--accept=pipe,name=$VO_PIPE;urp;StarOffice.ComponentContext" "$@" \
    >"$VO_DIR/soffice.log" 2>&1 &
  VO_PID=$!
  for i in $(seq 1 100); do
    if vo_as python3 -c "
import uno, sys
r = uno.getComponentContext().ServiceManager.createInstanceWithContext(
    'com.sun.star.bridge.UnoUrlResolver', uno.getComponentContext())
r.resolve('uno:pipe,name=$VO_PIPE;urp;StarOffice.ComponentContext')" 2>/dev/null; then
      return 0
    fi
    sleep 0.3
  done
  echo "soffice did not start" >&2
  cat "$VO_DIR/soffice.log" >&2
  return 1
}

vo_start() {
  vo_profile "$1" && vo_launch --headless --invisible --nodefault
}

# Python's own UNO runtime must know the extension's types to talk to its
# services: the office's type libraries plus every .rdb of the .oxt.
vo_python() {
  local types="" f
  for f in /usr/lib/libreoffice/program/types.rdb /usr/lib/libreoffice/program/types/offapi.rdb; do
    types="$types file://$f"
  done
  mkdir -p "$VO_DIR/types"
  unzip -q -o -d "$VO_DIR/types" "$VO_DIR/juesuan.oxt" 'types/*.rdb'
  chmod -R a+rX "$VO_DIR/types"
  for f in "$VO_DIR"/types/types/X*.rdb "$VO_DIR"/types/types/[!X]*.rdb; do
    [ -f "$f" ] && types="$types file://$f"
  done
  vo_as env VO_PIPE="$VO_PIPE" VO_DIR="$VO_DIR" UNO_TYPES="${types# }" \
    PYTHONDONTWRITEBYTECODE=1 python3 "$@"
}

# Xvfb on a free display in :90-:160 (tried in random order, so parallel
# runs rarely race for one), 1366x860; DISPLAY is exported.
# Call after vo_profile (its log goes to $VO_DIR); vo_stop stops it.
vo_xvfb() {
  local n
  for n in $(shuf -i 90-160); do
    if [ ! -e "/tmp/.X$n-lock" ] && [ ! -e "/tmp/.X11-unix/X$n" ]; then
      Xvfb ":$n" -screen 0 1366x860x24 -nolisten tcp -ac >"$VO_DIR/xvfb.log" 2>&1 &
      VO_XVFB_PID=$!
      export DISPLAY=":$n"
      for _ in $(seq 1 50); do
        # ours must be alive: another run may have taken :$n a moment
        # before us (then our Xvfb exits and theirs would answer)
        kill -0 "$VO_XVFB_PID" 2>/dev/null || break
        if xdotool getdisplaygeometry >/dev/null 2>&1; then
          sleep 0.3
          kill -0 "$VO_XVFB_PID" 2>/dev/null && return 0
          break
        fi
        sleep 0.2
      done
      kill "$VO_XVFB_PID" 2>/dev/null || true
      VO_XVFB_PID=
      unset DISPLAY
    fi
  done
  echo "no free X display" >&2
  return 1
}

# GUI helpers for runs under vo_xvfb (no window manager: focus is given by
# clicks, and keys go where the pointer's window is).

# The id of a visible window whose name matches $1, waiting up to 30 s.
vo_await() {
  local w=
  for _ in $(seq 1 60); do
    w=$(xdotool search --onlyvisible --name "$1" 2>/dev/null | head -1 || true)
    [ -n "$w" ] && { echo "$w"; return 0; }
    sleep 0.5
  done
  return 1
}

# The geometry of the visible window named like $1 into X, Y, WIDTH and
# HEIGHT; prints its id.  A dialog may replace its window between a search
# and the query (BadWindow): the window is looked up again, up to 10 times.
vo_geometry() {
  local w g
  for _ in $(seq 1 10); do
    w=$(vo_await "$1") || return 1
    if g=$(xdotool getwindowgeometry --shell "$w" 2>/dev/null) && [ -n "$g" ]; then
      eval "$g"
      echo "$w"
      return 0
    fi
    sleep 0.5
  done
  return 1
}

# The Calc window named like $1, placed at 0,0 in 1366x860; the 决算 menu
# opened with Alt+A and its item number $2 (1 = the first) highlighted.
vo_menu_item() {
  local win
  win=$(timeout 120 xdotool search --sync --onlyvisible --name "$1" | head -1)
  [ -n "$win" ] || { echo "the Calc window did not appear" >&2; return 1; }
  xdotool windowactivate --sync "$win" 2>/dev/null || true
  xdotool windowsize "$win" 1366 860 windowmove "$win" 0 0 2>/dev/null || true
  sleep 3
  xdotool key --clearmodifiers alt+a
  sleep 1.5
  for _ in $(seq 2 "$2"); do xdotool key Down; done
  sleep 0.5
}

# Type $2 into the File name field of the file dialog $1 and press Return:
# the field is clicked first (105 px over the dialog's bottom edge).
vo_type_into() {
  local X Y WIDTH HEIGHT SCREEN WINDOW
  eval "$(xdotool getwindowgeometry --shell "$1")"
  xdotool mousemove $((X + WIDTH / 2)) $((Y + HEIGHT - 105)) click 1
  sleep 0.5
  xdotool key ctrl+a
  xdotool type --delay 20 "$2"
  sleep 0.5
  xdotool key Return
}

# Close the message box $1 (title 决算, in an English UI Final accounts):
# Return, then focus and Return, then a click on its OK button (centre
# bottom), each only while it is open.
vo_close_box() {
  local X Y WIDTH HEIGHT SCREEN WINDOW
  xdotool windowactivate --sync "$1" 2>/dev/null || true
  xdotool key --clearmodifiers Return
  sleep 1
  xdotool search --onlyvisible --name '^(决算|Final accounts)$' >/dev/null 2>&1 || return 0
  xdotool windowfocus --sync "$1" 2>/dev/null || true
  xdotool key Return
  sleep 1
  xdotool search --onlyvisible --name '^(决算|Final accounts)$' >/dev/null 2>&1 || return 0
  eval "$(xdotool getwindowgeometry --shell "$1")"
  xdotool mousemove $((X + WIDTH / 2)) $((Y + HEIGHT - 18)) click 1
}

vo_stop() {
  if [ -n "$VO_PID" ]; then
    # setpriv execs soffice, whose launcher may fork soffice.bin: stop our
    # pid and its children only.
    pkill -TERM -P "$VO_PID" 2>/dev/null || true
    kill "$VO_PID" 2>/dev/null || true
    sleep 1
    pkill -KILL -P "$VO_PID" 2>/dev/null || true
    kill -9 "$VO_PID" 2>/dev/null || true
    VO_PID=
  fi
  if [ -n "$VO_XVFB_PID" ]; then
    kill "$VO_XVFB_PID" 2>/dev/null || true
    VO_XVFB_PID=
  fi
  if [ -n "$VO_DIR" ] && [ -z "${VO_KEEP:-}" ]; then
    rm -rf "$VO_DIR"
  fi
}
