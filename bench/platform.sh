# Sourced by the benchmark scripts: the whole platform from the AppHost's Release build, without the dashboard
# (BENCH_DASHBOARD=true: with it, on free ports, so that the services export their telemetry to it), in Production,
# on free ports with the data folder $1 and its output in $2.
#   start_platform DATA LOG   starts it in the background and sets $apphost (its pid)
#   wait_for_platform DATA    waits until DATA/resources.json says every resource is healthy and sets $status to it
#   free_port                 prints a free loopback port
#   stop_platform             stops it and puts back the kernel setting start_platform changed; safe in an exit
#                             trap under set -e (nothing in it fails), and before start_platform or after another stop
# Linux's autogroup shares the cores between sessions rather than threads, and Aspire's orchestrator (DCP) runs the
# services in a session of its own: under load the platform's session and the load generator's then split the two
# cores, which is not what a deployed service meets and not what the baselines (in the load generator's session) meet.
# So start_platform turns autogroup off for the run, when it may (root) and unless BENCH_AUTOGROUP=keep; see
# "Scheduling groups" in bench/README.md for what it changes.
autogroup_setting=/proc/sys/kernel/sched_autogroup_enabled
autogroup_changed=false
start_platform() {
  local dashboard=${BENCH_DASHBOARD:-false} settings=()
  ungroup_sessions
  if [ "$dashboard" = true ]; then
    settings=(ASPNETCORE_URLS="http://127.0.0.1:$(free_port)" ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL="http://127.0.0.1:$(free_port)"
      ASPIRE_ALLOW_UNSECURED_TRANSPORT=true)
  fi
  env "${settings[@]}" dotnet AppHost/bin/Release/net10.0/AppHost.dll --AppHost:Dashboard="$dashboard" --AppHost:Environment=Production --AppHost:DataDir="$1" \
    --AppHost:GatewayPort=0 --AppHost:PostgresPort=0 --AppHost:RabbitMQPort=0 > "$2" 2>&1 &
  apphost=$!
}

# Before the platform starts: a process's group is set when its session is created.
ungroup_sessions() {
  if [ "$autogroup_changed" = false ] && [ "${BENCH_AUTOGROUP:-off}" != keep ] && [ -w "$autogroup_setting" ] &&
    [ "$(cat "$autogroup_setting")" = 1 ]; then
    echo 0 > "$autogroup_setting"
    autogroup_changed=true
  fi
  echo "scheduling: autogroup $([ -r "$autogroup_setting" ] && [ "$(cat "$autogroup_setting")" = 1 ] && echo on || echo off) for this run"
}

stop_platform() {
  if [ -n "${apphost:-}" ]; then
    kill -TERM "$apphost" 2>/dev/null || true
    wait "$apphost" 2>/dev/null || true
    apphost=""
  fi
  if [ "$autogroup_changed" = true ]; then
    echo 1 > "$autogroup_setting" || true
    autogroup_changed=false
  fi
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

wait_for_platform() {
  status=""
  for _ in $(seq 1 480); do
    status=$(cat "$1/resources.json" 2>/dev/null || true)
    if [ -n "$status" ] && python3 -c 'import json,sys; r=json.loads(sys.argv[1]); sys.exit(0 if all(x["health"]=="Healthy" for x in r) else 1)' "$status"; then return 0; fi
    sleep 0.5
  done
  echo "the platform did not become healthy in 4 minutes" >&2
  return 1
}
