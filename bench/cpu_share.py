#!/usr/bin/env python3
"""Where the machine's CPU went during a measured run, so that a figure can be read with what ran beside it.

  cpu_share.py snap FILE     records the machine's counters and every process's CPU time
  cpu_share.py diff A B      prints the CPU seconds per service between two snapshots, and the time the
                             hypervisor took from this machine (steal) as a share of its cores
  cpu_share.py settle MAX [AGE]
                             waits until the AppHost has run for AGE seconds (default 0), then (at most MAX seconds)
                             until the platform's processes together use less than 5 % of a core over 5 s: a freshly
                             started service compiles and tiers up its code, on the same cores as the run that is to
                             be measured. Its quiet gaps pass the 5 % check, so the age matters: every service burst
                             (0.3-0.6 s of CPU) about 160 s and 315 s after start, when 30 and 60 of the AppHost's
                             health probes (every 5 s) had run (inferred from that timing: the runtime recompiles a
                             method after 30 calls at each tier; not traced)

A process that ended between the snapshots (the load generator, typically) is counted under "other".
"""
import json
import os
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")

# What a process runs (the .dll a dotnet process was started with, else the executable's name) and the label it
# is reported under. Matched on the program, not the whole command line: the AppHost's arguments name the Gateway
# and Postgres, and a psql command line names the postgres user.
PROGRAMS = {
    "Validation.Service.dll": "validation", "Licensing.Service.dll": "licensing", "Gateway.dll": "gateway",
    "Webhooks.Service.dll": "webhooks", "Billing.Service.dll": "billing", "AppHost.dll": "apphost",
    # The AppHost (Aspire) runs each service's own executable under `dotnet run`.
    "Validation.Service": "validation", "Licensing.Service": "licensing", "Gateway": "gateway",
    "Webhooks.Service": "webhooks", "Billing.Service": "billing", "AppHost": "apphost",
    "ValidationBench.dll": "bench", "HttpBench.dll": "bench", "GrpcBench.dll": "bench", "postgres": "postgres", "beam.smp": "rabbitmq",
    "wrk": "wrk",
}


def label(cmdline):
    words = cmdline.split()
    if not words:
        return None
    # A Postgres backend names itself "postgres: user database host …".
    if words[0].rstrip(":") == "postgres":
        return "postgres"
    program = os.path.basename(words[0])
    if program == "dotnet" and len(words) > 1:
        program = os.path.basename(words[1])
    return PROGRAMS.get(program)


def platform_processes():
    """(pid, label, fields of /proc/PID/stat after the command name) of every process with a label."""
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                cmdline = f.read().replace(b"\0", b" ").decode(errors="replace")
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        name = label(cmdline)
        if name:
            yield pid, name, fields


def snapshot():
    with open("/proc/stat") as stat:
        fields = [int(v) for v in stat.readline().split()[1:]]
    # user nice system idle iowait irq softirq steal ...
    busy = sum(fields[:3]) + sum(fields[5:7])
    # utime and stime
    processes = {pid: [name, int(f[11]) + int(f[12])] for pid, name, f in platform_processes()}
    return {"time": time.time(), "busy": busy, "steal": fields[7], "processes": processes}


def diff(a, b):
    seconds = max(b["time"] - a["time"], 1e-6)
    cores = os.cpu_count() or 1
    per_label = {}
    for pid, (name, ticks) in b["processes"].items():
        before = a["processes"].get(pid, [name, 0])[1]
        per_label[name] = per_label.get(name, 0) + (ticks - before) / TICK
    busy = (b["busy"] - a["busy"]) / TICK
    other = max(busy - sum(per_label.values()), 0)
    steal = (b["steal"] - a["steal"]) / TICK / (seconds * cores) * 100
    listed = sorted(((v, k) for k, v in per_label.items() if v >= 0.05), reverse=True)
    parts = [f"{name} {value:.1f}" for value, name in listed] + [f"other {other:.1f}"]
    return f"steal {steal:.1f}% of {cores} cores; CPU s over {seconds:.0f} s: " + ", ".join(parts)


SETTLE_WINDOW = 5.0
SETTLE_SHARE = 0.05


def platform_age():
    """Seconds since the oldest AppHost process started (0 if none runs)."""
    with open("/proc/uptime") as f:
        uptime = float(f.read().split()[0])
    # starttime, in ticks since boot
    return max([uptime - int(f[19]) / TICK for _, name, f in platform_processes() if name == "apphost"], default=0.0)


def settle(max_seconds, min_age=0.0):
    if max_seconds <= 0:
        return "platform not waited for"
    age = platform_age()
    if age < min_age:
        time.sleep(min_age - age)
    # MAX bounds the wait for idle processes, not the wait for the age before it.
    started = time.time()
    while True:
        before = snapshot()
        time.sleep(SETTLE_WINDOW)
        after = snapshot()
        used = sum(max(ticks - before["processes"].get(pid, [name, 0])[1], 0) / TICK
                   for pid, (name, ticks) in after["processes"].items() if name not in ("bench", "wrk"))
        waited = time.time() - started
        if used < SETTLE_SHARE * SETTLE_WINDOW or waited >= max_seconds:
            state = "settled" if used < SETTLE_SHARE * SETTLE_WINDOW else "NOT settled"
            return (f"platform {state} after {waited:.0f} s of waiting to be idle, {platform_age():.0f} s after it started "
                    f"(its processes used {used:.2f} s of CPU in the last {SETTLE_WINDOW:.0f} s)")


def main(argv):
    if len(argv) == 3 and argv[1] == "snap":
        with open(argv[2], "w") as f:
            json.dump(snapshot(), f)
    elif len(argv) == 4 and argv[1] == "diff":
        with open(argv[2]) as fa, open(argv[3]) as fb:
            print(diff(json.load(fa), json.load(fb)))
    elif len(argv) in (3, 4) and argv[1] == "settle":
        print(settle(float(argv[2]), float(argv[3]) if len(argv) == 4 else 0.0))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
